using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Studies;

/// <summary>
/// The aggregates as CSV: one row per point and metric, then one per point and claim, the swept parameters as columns.
/// The <c>ci_*</c> columns are the mean's 95% interval; <c>range_*</c> is the interval a predicted claim is judged on.
/// </summary>
public static class StudyAggregatesCsv
{
    public static async Task WriteAsync(StudyAggregates aggregates, TextWriter writer, CancellationToken cancellationToken)
    {
        var parameters = aggregates.Points.FirstOrDefault()?.Parameters.EnumerateObject().Select(p => p.Name).ToList() ?? [];
        string[] header = ["point", .. parameters.Select(Csv.Text),
            "row", "name", "n", "mean", "sd", "ci_low", "ci_high", "band_low", "band_high", "range_low", "range_high", "verdict"];
        await writer.WriteLineAsync(string.Join(',', header));
        foreach (var point in aggregates.Points)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] cells = [point.Point.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. parameters.Select(p => Value(point.Parameters.GetProperty(p)))];
            var prefix = string.Join(',', cells);
            foreach (var metric in point.Metrics)
            {
                await writer.WriteLineAsync($"{prefix},metric,{Csv.Text(metric.Metric)},{Stats(metric.Statistics)},,,,,");
            }

            foreach (var claim in point.Claims)
            {
                await writer.WriteLineAsync(
                    $"{prefix},claim,{Csv.Text(claim.Claim)},{Stats(claim.Measured)},{N(claim.Band?.Low)},{N(claim.Band?.High)},{N(claim.Range?.Low)},{N(claim.Range?.High)},{claim.Verdict}");
            }
        }
    }

    private static string Stats(SampleStatistics s) =>
        $"{s.N},{N(s.Mean)},{N(s.StandardDeviation)},{N(s.CiLow)},{N(s.CiHigh)}";

    private static string N(double? value) => value is { } v ? Csv.Number(v) : "";

    private static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Csv.Text(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
}
