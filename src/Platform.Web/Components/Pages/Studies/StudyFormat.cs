using System.Globalization;
using System.Text.Json;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Components.Pages.Studies;

/// <summary>How the study pages write numbers, intervals and a point's swept values.</summary>
public static class StudyFormat
{
    public static string Number(double? value) => value is { } v ? v.ToString("G4", CultureInfo.CurrentCulture) : "–";

    /// <summary>
    /// "12.3 ± 0.4" (the 95% interval's half-width), or the mean alone below two values. Seeds that agree to the last bits
    /// leave a half-width of rounding noise (1e-14 of the mean); that is written as 0, not as a number to read.
    /// </summary>
    public static string MeanAndInterval(SampleStatistics s) =>
        s.Mean is not { } mean ? "–"
        : s.CiHigh is { } high ? $"{Number(mean)} ± {Number(Math.Abs(high - mean) <= 1e-9 * Math.Abs(mean) ? 0 : high - mean)}"
        : Number(mean);

    public static string Interval(double? low, double? high) => low is null || high is null ? "–" : $"[{Number(low)}, {Number(high)}]";

    public static string Point(JsonElement parameters)
    {
        var fields = parameters.EnumerateObject().Select(p => $"{p.Name} = {p.Value}").ToList();
        return fields.Count == 0 ? "base" : string.Join(", ", fields);
    }
}
