using System.Text.RegularExpressions;

namespace Platform.Core.Datasets;

/// <summary>What a dataset's descriptive fields may hold; the upload API and the dashboard check the same rules.</summary>
public static partial class DatasetRules
{
    public const int MaxNameLength = 200;
    public const int MaxFormatLength = 32;
    public const int MaxLicenceLength = 32_768;
    public const int MaxDescriptionLength = 4_000;
    public const int MaxSourceLength = 1_000;

    /// <summary>Problems with the fields, keyed by field name; empty when all are acceptable.</summary>
    public static Dictionary<string, string[]> Check(DatasetMetadata metadata)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "name", metadata.Name, MaxNameLength, required: true);
        Text(errors, "licence", metadata.Licence, MaxLicenceLength, required: true);
        Text(errors, "description", metadata.Description, MaxDescriptionLength, required: false);
        Text(errors, "source", metadata.Source, MaxSourceLength, required: false);
        if (string.IsNullOrEmpty(metadata.Format) || !FormatPattern().IsMatch(metadata.Format))
        {
            errors["format"] = ["'format' must be 1 to 32 lower-case letters, digits or '-' (for example safetensors, json, csv, text)."];
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            errors[field] = [$"'{field}' is required."];
        else if (value is { Length: var length } && length > max)
            errors[field] = [$"'{field}' must be at most {max:N0} characters (got {length:N0})."];
        else if (value?.Contains('\0', StringComparison.Ordinal) == true)
            errors[field] = [$"'{field}' must not contain the NUL character (U+0000)."];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex FormatPattern();
}
