using System.Text.Json;

namespace Platform.Web.Runs;

/// <summary>
/// Reads a submission body by hand rather than through model binding, so malformed JSON, a misspelt top-level
/// field or a wrong type each come back as a 400 naming the field instead of a generic binding failure.
/// </summary>
public static class SubmitRunRequestReader
{
    private static readonly string[] s_fields = ["kind", "preset", "parameters", "seed", "tags"];

    // A repeated field would silently take its last value, so what was checked might not be what the sender meant.
    private static readonly JsonDocumentOptions s_options = new() { AllowDuplicateProperties = false };

    public static async Task<(SubmitRunRequest? Request, Dictionary<string, string[]> Errors)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, s_options, cancellationToken);
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"The body is not valid JSON: {ex.Message}"];
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object with 'kind' and optional 'preset', 'parameters', 'seed' and 'tags'."];
                return (null, errors);
            }

            if (JsonText.FindUnreadable(root) is { } unreadable)
            {
                var field = unreadable.Length == 0 ? "body" : unreadable;
                errors[field] = [$"'{field}' is not valid text: the body must be UTF-8, without lone surrogates."];
                return (null, errors);
            }

            foreach (var property in root.EnumerateObject().Where(p => !s_fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors[property.Name] = [$"Unknown field '{property.Name}'. Known fields: {string.Join(", ", s_fields)}."];
            }

            var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            if (string.IsNullOrWhiteSpace(kind))
            {
                errors["kind"] = ["'kind' is required and must be a string naming an experiment family."];
            }

            long? seed = null;
            if (root.TryGetProperty("seed", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var value) && value >= 0)
                    seed = value;
                else
                    errors["seed"] = ["'seed' must be a non-negative integer."];
            }

            string? preset = null;
            if (root.TryGetProperty("preset", out var pr) && pr.ValueKind != JsonValueKind.Null)
            {
                if (pr.ValueKind == JsonValueKind.String)
                    preset = pr.GetString();
                else
                    errors["preset"] = ["'preset' must be a string naming one of the family's presets."];
            }

            var tags = ReadTags(root, errors);
            JsonElement? parameters = root.TryGetProperty("parameters", out var p) ? p.Clone() : null;
            return errors.Count > 0 ? (null, errors) : (new SubmitRunRequest(kind!, parameters, seed, tags, preset), errors);
        }
    }

    private static List<string>? ReadTags(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("tags", out var t) || t.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (t.ValueKind != JsonValueKind.Array)
        {
            errors["tags"] = ["'tags' must be a list of strings."];
            return null;
        }

        var tags = new List<string>();
        foreach (var (tag, index) in t.EnumerateArray().Select((tag, index) => (tag, index)))
        {
            if (tag.ValueKind == JsonValueKind.String)
                tags.Add(tag.GetString()!);
            else
                errors[$"tags[{index}]"] = ["Each tag must be a string."];
        }

        return tags;
    }
}
