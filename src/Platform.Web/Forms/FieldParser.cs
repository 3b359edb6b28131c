using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Web.Forms;

/// <summary>
/// Turns a field's entry into the JSON value the form would submit, then checks it with the field's
/// <see cref="FormField.Check"/>: the server's own rules, so a message here is the one the API's 400 gives for
/// the same value. The only problem of its own is text that is not JSON at all (a JSON field). Cross-field rules
/// need the whole record: the server's, reported after submission.
/// </summary>
internal static class FieldParser
{
    private static readonly char[] s_numberSeparators = [',', ';', ' ', '\t', '\n', '\r'];

    // Text items may contain spaces ("baseline run"); only commas, semicolons and line breaks separate them.
    private static readonly char[] s_textSeparators = [',', ';', '\n', '\r'];

    public static FieldValue Parse(FormField field)
    {
        JsonNode? value;
        try
        {
            value = ToJson(field);
        }
        catch (JsonException ex)
        {
            return FieldValue.Fail($"Not valid JSON: {ex.Message}");
        }

        var problems = field.Check(value);
        return problems.Count == 0 ? FieldValue.Ok(value) : FieldValue.Fail(string.Join(" ", problems));
    }

    private static JsonNode? ToJson(FormField field) => field.Kind switch
    {
        FieldKind.Boolean => JsonValue.Create(field.Flag),
        FieldKind.Integer or FieldKind.Number => string.IsNullOrWhiteSpace(field.Text) ? null : Number(field.Text.Trim()),
        FieldKind.Choice => field.Text.Length == 0 ? null : JsonValue.Create(field.Text),
        FieldKind.Text or FieldKind.Upload or FieldKind.Dataset => field.Text.Length == 0 && field.Optional ? null : JsonValue.Create(field.Text),
        FieldKind.IntegerList or FieldKind.NumberList or FieldKind.TextList => List(field),
        // Kept in the schema's order so the submitted list does not depend on the order of clicks.
        FieldKind.ChoiceList => new JsonArray(field.Choices.Where(field.Selected.Contains).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        _ => string.IsNullOrWhiteSpace(field.Text) ? null : JsonNode.Parse(field.Text),
    };

    /// <summary>
    /// A number as the user would mean it ("1e-3", "-2"); anything else stays text, a JSON string the server
    /// answers with the type it wants ("'steps' must be an integer.").
    /// </summary>
    private static JsonNode Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? JsonValue.Create(number)
        : JsonValue.Create(text)!;

    private static JsonArray? List(FormField field)
    {
        var text = field.Kind == FieldKind.TextList;
        var items = field.Text.Split(text ? s_textSeparators : s_numberSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0 && field.Optional)
        {
            return null;
        }

        return new JsonArray(items.Select(item => text ? JsonValue.Create(item) : Number(item)).ToArray<JsonNode?>());
    }
}
