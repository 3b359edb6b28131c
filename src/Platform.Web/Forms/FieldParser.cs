using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Web.Forms;

/// <summary>
/// Turns a field's entry into its JSON value and checks the rules the schema states (required, whole numbers,
/// ranges, choices, list sizes, lengths). Messages name no field: they are shown at it. Cross-field rules are the
/// server's, reported after submission.
/// </summary>
internal static class FieldParser
{
    private static readonly char[] s_numberSeparators = [',', ';', ' ', '\t', '\n', '\r'];

    // Text items may contain spaces ("baseline run"); only commas, semicolons and line breaks separate them.
    private static readonly char[] s_textSeparators = [',', ';', '\n', '\r'];

    public static FieldValue Parse(FormField field) => field.Kind switch
    {
        FieldKind.Boolean => FieldValue.Ok(JsonValue.Create(field.Flag)),
        FieldKind.Integer or FieldKind.Number => Scalar(field),
        FieldKind.Choice => Choice(field),
        FieldKind.Text or FieldKind.Upload => Text(field),
        FieldKind.IntegerList or FieldKind.NumberList or FieldKind.TextList => List(field),
        FieldKind.ChoiceList => ChoiceList(field),
        _ => Json(field),
    };

    private static FieldValue Scalar(FormField field)
    {
        if (string.IsNullOrWhiteSpace(field.Text))
        {
            return field.Optional ? FieldValue.Ok(null) : FieldValue.Fail("Required.");
        }

        var text = field.Text.Trim();
        var (value, problem) = Number(field, text);
        if (problem is null)
        {
            return FieldValue.Ok(value);
        }

        return FieldValue.Fail(problem.StartsWith("must", StringComparison.Ordinal) ? $"M{problem[1..]}." : $"'{text}' {problem}.");
    }

    /// <summary>Parses one number and checks its kind and range; the problem comes back as a phrase to compose.</summary>
    private static (JsonNode? Value, string? Problem) Number(FormField field, string text)
    {
        var whole = field.Kind is FieldKind.Integer or FieldKind.IntegerList;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return (null, "is not a number");
        }

        if (whole && !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return (null, Math.Floor(number) == number ? "is too large" : "is not a whole number");
        }

        if (field.Minimum is { } min && number < min)
        {
            return (null, $"must be at least {Format(min)}");
        }

        if (field.Maximum is { } max && number > max)
        {
            return (null, $"must be at most {Format(max)}");
        }

        return (whole ? JsonValue.Create(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)) : JsonValue.Create(number), null);
    }

    private static FieldValue Choice(FormField field)
    {
        if (string.IsNullOrEmpty(field.Text))
        {
            return field.Optional ? FieldValue.Ok(null) : FieldValue.Fail("Choose one.");
        }

        return field.Choices.Contains(field.Text, StringComparer.Ordinal)
            ? FieldValue.Ok(JsonValue.Create(field.Text))
            : FieldValue.Fail($"Choose one of: {string.Join(", ", field.Choices)}.");
    }

    private static FieldValue Text(FormField field)
    {
        if (field.Text.Length == 0 && field.Optional)
        {
            return FieldValue.Ok(null);
        }

        return field.MaxLength is { } max && field.Text.Length > max
            ? FieldValue.Fail($"At most {max:N0} characters (this has {field.Text.Length:N0}).")
            : FieldValue.Ok(JsonValue.Create(field.Text));
    }

    private static FieldValue List(FormField field)
    {
        var separators = field.Kind == FieldKind.TextList ? s_textSeparators : s_numberSeparators;
        var items = field.Text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0 && field.Optional)
        {
            return FieldValue.Ok(null);
        }

        var array = new JsonArray();
        for (var i = 0; i < items.Length; i++)
        {
            if (field.Kind == FieldKind.TextList)
            {
                if (field.MaxLength is { } max && items[i].Length > max)
                {
                    return FieldValue.Fail($"Item {i + 1} has more than {max} characters.");
                }

                array.Add(JsonValue.Create(items[i]));
                continue;
            }

            var (value, itemProblem) = Number(field, items[i]);
            if (itemProblem is not null)
            {
                return FieldValue.Fail($"Item {i + 1} ({items[i]}) {itemProblem}.");
            }

            array.Add(value);
        }

        return Count(field, array.Count) is { } countProblem ? FieldValue.Fail(countProblem) : FieldValue.Ok(array);
    }

    private static FieldValue ChoiceList(FormField field)
    {
        // Kept in the schema's order so the submitted list does not depend on the order of clicks.
        var chosen = field.Choices.Where(field.Selected.Contains).ToList();
        if (Count(field, chosen.Count) is { } problem)
        {
            return FieldValue.Fail(problem);
        }

        return FieldValue.Ok(new JsonArray(chosen.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()));
    }

    private static string? Count(FormField field, int count)
    {
        if (field.MinItems is { } min && count < min)
        {
            return min == 1 ? "Needs at least one item." : $"Needs at least {min} items (has {count}).";
        }

        return field.MaxItems is { } max && count > max ? $"At most {max} items (has {count})." : null;
    }

    private static FieldValue Json(FormField field)
    {
        if (string.IsNullOrWhiteSpace(field.Text))
        {
            return field.Optional ? FieldValue.Ok(null) : FieldValue.Fail("Required.");
        }

        try
        {
            return FieldValue.Ok(JsonNode.Parse(field.Text));
        }
        catch (JsonException ex)
        {
            return FieldValue.Fail($"Not valid JSON: {ex.Message}");
        }
    }

    private static string Format(double value) => NumberText.Of(value);
}
