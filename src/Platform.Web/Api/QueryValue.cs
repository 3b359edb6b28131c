using System.Globalization;

namespace Platform.Web.Api;

/// <summary>
/// Checks on query-string values. Endpoints take numbers as strings and parse them here, so that "abc" or "1e400" gets
/// a 400 naming its parameter (a typed parameter fails binding with a bare 400 that names nothing). Text holding a NUL
/// is refused up front: PostgreSQL cannot store one, so it can match nothing, and sending it would fail the query.
/// </summary>
internal static class QueryValue
{
    /// <summary>False when <paramref name="text"/> is given but is not a whole number that fits a long.</summary>
    public static bool TryParseWholeNumber(string? text, out long? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    public static bool HasNul(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;

    public static string NulMessage(string name) => $"'{name}' must not contain the NUL character (U+0000).";
}
