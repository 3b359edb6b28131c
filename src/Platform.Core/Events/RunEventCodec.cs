using System.Text.Json;
using Platform.Core.Jobs;
using Platform.Core.Metrics;

namespace Platform.Core.Events;

/// <summary>
/// Encodes run events as NOTIFY payloads. PostgreSQL caps a payload below 8,000 bytes, so a metric batch is
/// split into several payloads.
/// </summary>
public static class RunEventCodec
{
    private const int MaxPayloadBytes = 7_000;

    // A diverged run logs NaN; that is a result to show, not an error to throw.
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static IEnumerable<string> Encode(RunEvent runEvent, Guid origin) => runEvent switch
    {
        MetricsAppended m => EncodeMetrics(m, origin),
        JobStateChanged s => [JsonSerializer.Serialize(new Wire(origin, "s", s.RunId, State: s.State.ToString(), Progress: s.Progress, Message: s.Message), s_options)],
        JobLogWritten l => [JsonSerializer.Serialize(new Wire(origin, "l", l.RunId, Message: Truncate(l.Message), At: l.At), s_options)],
        _ => throw new ArgumentOutOfRangeException(nameof(runEvent), runEvent.GetType().Name, "Unknown run event."),
    };

    public static (Guid Origin, RunEvent Event)? Decode(string payload)
    {
        var wire = JsonSerializer.Deserialize<Wire>(payload, s_options);
        if (wire is null)
        {
            return null;
        }

        RunEvent? runEvent = wire.Type switch
        {
            "m" => new MetricsAppended(wire.RunId, wire.Points!.Select(p => new MetricSample(
                wire.RunId, p.Key, p.Step, p.Value, DateTimeOffset.FromUnixTimeMilliseconds(p.AtMs))).ToList()),
            "s" => new JobStateChanged(wire.RunId, Enum.Parse<JobState>(wire.State!), wire.Progress ?? 0, wire.Message),
            "l" => new JobLogWritten(wire.RunId, wire.At ?? DateTimeOffset.UnixEpoch, wire.Message ?? ""),
            _ => null,
        };
        return runEvent is null ? null : (wire.Origin, runEvent);
    }

    private static IEnumerable<string> EncodeMetrics(MetricsAppended m, Guid origin)
    {
        var chunk = new List<WirePoint>();
        var size = 0;
        foreach (var s in m.Samples)
        {
            var point = new WirePoint(s.Key, s.Step, s.Value, s.At.ToUnixTimeMilliseconds());
            var pointSize = s.Key.Length + 60;
            if (size + pointSize > MaxPayloadBytes && chunk.Count > 0)
            {
                yield return JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Points: chunk), s_options);
                chunk = [];
                size = 0;
            }

            chunk.Add(point);
            size += pointSize;
        }

        if (chunk.Count > 0)
        {
            yield return JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Points: chunk), s_options);
        }
    }

    private static string Truncate(string message) => message.Length <= 2_000 ? message : message[..2_000];

    private sealed record Wire(
        Guid Origin,
        string Type,
        Guid RunId,
        List<WirePoint>? Points = null,
        string? State = null,
        double? Progress = null,
        string? Message = null,
        DateTimeOffset? At = null);

    private sealed record WirePoint(string Key, long Step, double Value, long AtMs);
}
