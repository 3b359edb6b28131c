namespace Platform.Web.Api;

/// <summary>RFC 4180 quoting for the CSV exports.</summary>
public static class Csv
{
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
