using System.Text.Json;

namespace Platform.Experiments.Catalog;

/// <summary>
/// Reads the fields of one catalogue entry, each checked for its type and range; problems are collected against the
/// entry's path. Fields not read by the end are unknown (a typo must not silently leave a field at its default).
/// </summary>
internal sealed class CatalogEntryReader(JsonElement entry, string path, List<string> errors)
{
    public const int MaxNameLength = 64;
    public const int MaxSourceLength = 500;

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string? Name()
    {
        var name = Text("name", MaxNameLength, required: true);
        if (name is not null && !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
        {
            Fail("name", $"must use only a-z, 0-9, '-', '.' and '_' (got '{name}')");
            return null;
        }
        return name;
    }

    public string? Text(string field, int maxLength, bool required)
    {
        if (Field(field, required) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(field, $"must be a string (got {Describe(value)})");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            Fail(field, $"must be 1-{maxLength} characters (got {text.Length})");
            return null;
        }
        return text;
    }

    public int? Integer(string field, int min, int max, bool required)
    {
        if (Field(field, required) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Fail(field, $"must be a whole number (got {Describe(value)})");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(field, $"must be {min}-{max} (got {number})");
            return null;
        }
        return (int)number;
    }

    public double? Number(string field, double min, double max, bool required)
    {
        if (Field(field, required) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Fail(field, $"must be a number (got {Describe(value)})");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(field, $"must be {min}-{max} (got {number})");
            return null;
        }
        return number;
    }

    public void Fail(string field, string message) => errors.Add($"{path}.{field} {message}.");

    /// <summary>Reports every field of the entry that no reader asked for.</summary>
    public void RejectUnknown(IEnumerable<string> known)
    {
        foreach (var property in entry.EnumerateObject().Where(p => !_read.Contains(p.Name)).Take(3))
        {
            errors.Add($"{path}.{Truncate(property.Name)} is not a field; the fields are {string.Join(", ", known)}.");
        }
    }

    private JsonElement? Field(string field, bool required)
    {
        _read.Add(field);
        if (entry.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        if (required)
            Fail(field, "is missing");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"a string of {value.GetString()!.Length} characters",
        JsonValueKind.Number => Truncate(value.GetRawText()),
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength] + "...";
}
