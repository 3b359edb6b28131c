using System.Text.Json;
using Platform.Core.Metrics;
using Platform.Core.Runs;
using Platform.Web.Compare;

namespace Platform.Web.Api;

/// <summary>
/// Writes a comparison's JSON export as its points are read from the database, so a comparison of 200 runs with
/// millions of points each costs the server one row at a time, not the whole document. The shape is that of
/// <see cref="ComparisonExport"/>.
/// </summary>
internal static class ComparisonExportWriter
{
    public static async Task WriteAsync(Stream body, IReadOnlyList<RunDto> runs, IReadOnlyList<Guid> missing,
        MetricSeriesReader metrics, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteStartArray(Name(options, nameof(ComparisonExport.Runs)));
        foreach (var run in runs)
        {
            WriteRunHeader(json, run, options);
            json.WriteStartObject(Name(options, nameof(ComparedRunExport.Metrics)));
            string? current = null;
            await foreach (var (key, step, value) in metrics.StreamAsync(run.Id, null, cancellationToken))
            {
                if (key != current)
                {
                    if (current is not null)
                    {
                        json.WriteEndArray();
                    }

                    current = key;
                    json.WriteStartArray(key);
                }

                json.WriteStartArray();
                json.WriteNumberValue(step);
                WriteNumber(json, value);
                json.WriteEndArray();
                if (json.BytesPending > 32 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            if (current is not null)
            {
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, Name(options, nameof(ComparisonExport.DifferingParameters)), ParameterDiff.Of(runs).Differing.Order(StringComparer.Ordinal));
        WriteStrings(json, Name(options, nameof(ComparisonExport.Missing)), missing.Select(id => id.ToString()));
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteRunHeader(Utf8JsonWriter json, RunDto run, JsonSerializerOptions options)
    {
        json.WriteStartObject();
        json.WriteString(Name(options, nameof(ComparedRunExport.Id)), run.Id);
        json.WriteString(Name(options, nameof(ComparedRunExport.Kind)), run.Kind);
        json.WriteString(Name(options, nameof(ComparedRunExport.State)), run.State.ToString());
        json.WriteNumber(Name(options, nameof(ComparedRunExport.Seed)), run.Seed);
        WriteStrings(json, Name(options, nameof(ComparedRunExport.Tags)), run.Tags);
        json.WritePropertyName(Name(options, nameof(ComparedRunExport.Parameters)));
        run.Parameters.WriteTo(json);
        json.WritePropertyName(Name(options, nameof(ComparedRunExport.Summary)));
        if (run.Summary is { } summary)
        {
            summary.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <remarks>Written by hand: <see cref="JsonSerializer"/> flushes the writer synchronously, which Kestrel refuses.</remarks>
    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>As the serializer writes doubles under the app's options: NaN and infinities as named strings.</summary>
    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static string Name(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
