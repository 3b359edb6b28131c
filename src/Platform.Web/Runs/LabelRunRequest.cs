using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.Core.Runs;

namespace Platform.Web.Runs;

/// <summary>
/// PATCH /api/v1/runs/{id}: <c>{"name": "...", "note": "..."}</c>. A field left out stays as it is; empty text clears
/// it. Read by hand so that every problem (a number for a name, a name too long) comes back naming its field.
/// </summary>
public sealed record LabelRunRequest(string? Name, string? Note)
{
    public static async Task<(LabelRunRequest? Body, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            errors["body"] = ["The body must be a JSON object such as {\"name\": \"...\", \"note\": \"...\"}."];
            return (null, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object such as {\"name\": \"...\", \"note\": \"...\"}."];
                return (null, errors);
            }

            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n is not ("name" or "note")).ToList();
            foreach (var field in unknown)
            {
                errors[field] = ["Only 'name' and 'note' can be changed."];
            }

            var name = Text(document.RootElement, "name", errors);
            var note = Text(document.RootElement, "note", errors);
            if (errors.Count == 0 && name is null && note is null)
            {
                errors["body"] = ["Give a 'name', a 'note' or both."];
            }

            return errors.Count > 0 ? (null, errors) : (new LabelRunRequest(name, note), errors);
        }
    }

    /// <summary>The problem with a name or note (<paramref name="field"/> "name" or "note"), or null; the dashboard checks with it too.</summary>
    public static string? Check(string field, string text)
    {
        var (maxLength, singleLine) = field == "name" ? (RunLabels.MaxNameLength, true) : (RunLabels.MaxNoteLength, false);
        if (text.Length > maxLength)
        {
            return $"The {field} has at most {maxLength} characters (this one has {text.Length}).";
        }

        // Names show in one line of every list; a note may have lines, but no other control characters.
        return !text.Any(c => char.IsControl(c) && !(!singleLine && c is '\n' or '\r' or '\t')) ? null
            : singleLine ? $"The {field} must be one line of text."
            : $"The {field} may not hold control characters other than line breaks and tabs.";
    }

    private static string? Text(JsonElement body, string field, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[field] = [$"The {field} must be text (empty text clears it)."];
            return null;
        }

        var text = value.GetString()!.Trim();
        if (Check(field, text) is { } problem)
        {
            errors[field] = [problem];
        }

        return text;
    }
}
