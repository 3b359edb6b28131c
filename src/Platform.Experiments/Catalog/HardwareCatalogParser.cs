using System.Text.Json;

namespace Platform.Experiments.Catalog;

/// <summary>
/// Reads a hardware-catalog file (<c>{ "version": 1, "models": [...], "gpus": [...] }</c>) and checks it field by field.
/// Memory is bounded by <see cref="MaxBytes"/>, checked before the bytes are read, and the entries by <see cref="MaxEntries"/>.
/// </summary>
public static class HardwareCatalogParser
{
    public const int Version = 1;

    /// <summary>The built-in file is 6 KB; a catalogue of a thousand entries fits in a few hundred.</summary>
    public const long MaxBytes = 1 << 20;

    public const int MaxEntries = 1000;

    /// <summary>Enough problems to fix a file by; a file with thousands of bad entries does not get thousands of lines.</summary>
    private const int MaxErrors = 20;

    private static readonly string[] s_topFields = ["version", "models", "gpus"];

    public static CatalogParseResult Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes)
        {
            return Failed(TooLarge(json.Length));
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return Failed($"The file is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static string TooLarge(long length) => $"The file is {length} bytes; a hardware catalogue may have at most {MaxBytes}.";

    private static CatalogParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed("The file must be a JSON object with version, models and gpus.");
        }

        var errors = new List<string>();
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != Version)
        {
            errors.Add($"version must be {Version}.");
        }
        foreach (var unknown in root.EnumerateObject().Select(p => p.Name).Where(n => !s_topFields.Contains(n)).Take(3))
        {
            errors.Add($"{unknown} is not a field; the fields are {string.Join(", ", s_topFields)}.");
        }

        var models = Entries(root, "models", errors, CatalogEntryRules.Model, m => m.Name);
        var gpus = Entries(root, "gpus", errors, CatalogEntryRules.Gpu, g => g.Name);
        var shown = errors.Take(MaxErrors).ToList();
        if (errors.Count > MaxErrors)
        {
            shown.Add($"... and {errors.Count - MaxErrors} more problems.");
        }
        return shown.Count > 0 ? new CatalogParseResult(null, shown) : new CatalogParseResult(new HardwareCatalog(models, gpus), []);
    }

    private static List<T> Entries<T>(JsonElement root, string list, List<string> errors, Func<CatalogEntryReader, T?> read, Func<T, string> nameOf)
        where T : class
    {
        var entries = new List<T>();
        if (!root.TryGetProperty(list, out var array))
        {
            return entries;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{list} must be an array.");
            return entries;
        }
        var count = array.GetArrayLength();
        if (count > MaxEntries)
        {
            errors.Add($"{list} has {count} entries; a catalogue may have at most {MaxEntries}.");
            return entries;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{list}[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path} must be an object.");
            }
            else if (read(new CatalogEntryReader(element, path, errors)) is { } entry)
            {
                var name = nameOf(entry);
                if (names.TryGetValue(name, out var first))
                    errors.Add($"{path}.name '{name}' repeats {list}[{first}].");
                else
                    names[name] = index;
                entries.Add(entry);
            }
            index++;
        }
        return entries;
    }

    private static CatalogParseResult Failed(string problem) => new(null, [problem]);
}
