using System.Globalization;

namespace Platform.Web.Api;

/// <summary>RFC 4180 quoting for the CSV exports, with spreadsheet formulas neutralised in text cells.</summary>
public static class Csv
{
    /// <summary>
    /// A text cell: quoted when needed, and prefixed with an apostrophe when it begins as a formula would
    /// (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return), so a metric key chosen by a family or runner
    /// cannot run in the spreadsheet of whoever opens the export. Only text goes through here: numbers are written by
    /// <see cref="Number"/>, so a negative value stays a number.
    /// </summary>
    public static string Text(string field)
    {
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
        return safe.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }

    /// <summary>A number, round-trippable and culture-independent; never neutralised.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
