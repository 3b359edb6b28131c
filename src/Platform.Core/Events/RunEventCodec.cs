using System.Text;
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
    private const int MaxPayloadBytes = 7_900;
    private const int MaxMessageChars = 2_000;

    // The wire record's first property is its origin, so every payload starts with this.
    private static readonly string s_originPrefix = "{\"Origin\":\"";

    // A diverged run logs NaN; that is a result to show, not an error to throw.
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEnumerable<string> Encode(RunEvent runEvent, Guid origin) => runEvent switch
    {
        MetricsAppended m => EncodeMetrics(m, origin),
        JobStateChanged s => [WithinLimit(new Wire(origin, "s", s.RunId, State: s.State.ToString(), Progress: s.Progress, Message: s.Message))],
        JobLogWritten l => [WithinLimit(new Wire(origin, "l", l.RunId, Message: l.Message, At: l.At))],
        _ => throw new ArgumentOutOfRangeException(nameof(runEvent), runEvent.GetType().Name, "Unknown run event."),
    };

    /// <summary>
    /// Tells, without decoding, whether a payload came from <paramref name="origin"/>: a process hears its own
    /// notifications, and decoding thousands of points only to drop them costs real CPU.
    /// </summary>
    public static bool IsFrom(string payload, Guid origin) =>
        payload.StartsWith(s_originPrefix, StringComparison.Ordinal)
        && payload.AsSpan(s_originPrefix.Length).StartsWith(origin.ToString("D"), StringComparison.Ordinal);

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
        // Sizes are measured on the encoded bytes: escaping makes characters a poor guide.
        var envelope = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Points: []), s_options));
        var chunk = new List<WirePoint>();
        var size = envelope;
        foreach (var s in m.Samples)
        {
            var point = new WirePoint(s.Key, s.Step, s.Value, s.At.ToUnixTimeMilliseconds());
            var pointSize = JsonSerializer.SerializeToUtf8Bytes(point, s_options).Length + 1;
            if (size + pointSize > MaxPayloadBytes && chunk.Count > 0)
            {
                yield return JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Points: chunk), s_options);
                chunk = [];
                size = envelope;
            }

            chunk.Add(point);
            size += pointSize;
        }

        if (chunk.Count > 0)
        {
            yield return JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Points: chunk), s_options);
        }
    }

    /// <summary>Shortens the message until the whole payload fits; a live event only needs its gist.</summary>
    private static string WithinLimit(Wire wire)
    {
        var message = wire.Message is { Length: > MaxMessageChars } text ? text[..MaxMessageChars] : wire.Message;
        while (true)
        {
            var payload = JsonSerializer.Serialize(wire with { Message = message }, s_options);
            if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes || string.IsNullOrEmpty(message))
            {
                return payload;
            }

            message = message[..(message.Length / 2)];
        }
    }

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
