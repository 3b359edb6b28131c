using System.Text;
using System.Text.Json;
using Platform.Core.Runs;
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
        RunStateChanged s => [WithinLimit(new Wire(origin, "s", s.RunId, State: s.State.ToString(), Message: s.Message))],
        RunProgressed p => [WithinLimit(new Wire(origin, "p", p.RunId, Progress: p.Progress, Message: p.Message))],
        RunLogWritten l => [WithinLimit(new Wire(origin, "l", l.RunId, Message: l.Message, At: l.At))],
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
                wire.RunId, wire.Keys![(int)p[0]], (long)p[1], p[2], DateTimeOffset.FromUnixTimeMilliseconds((long)p[3]))).ToList()),
            "s" => new RunStateChanged(wire.RunId, Enum.Parse<RunState>(wire.State!), wire.Message),
            "p" => new RunProgressed(wire.RunId, wire.Progress ?? 0, wire.Message),
            "l" => new RunLogWritten(wire.RunId, wire.At ?? DateTimeOffset.UnixEpoch, wire.Message ?? ""),
            _ => null,
        };
        return runEvent is null ? null : (wire.Origin, runEvent);
    }

    /// <summary>
    /// Metric payloads are compact — each key once, each point as [key index, step, value, time in ms] — and their
    /// size is counted as they fill, so a batch costs one serialisation, not one per point.
    /// </summary>
    private static IEnumerable<string> EncodeMetrics(MetricsAppended m, Guid origin)
    {
        var envelope = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(new Wire(origin, "m", m.RunId, Keys: [], Points: []), s_options));
        var keys = new List<string>();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var points = new List<double[]>();
        var size = envelope;
        foreach (var s in m.Samples)
        {
            var atMs = s.At.ToUnixTimeMilliseconds();
            var newKeyBytes = keyIndex.ContainsKey(s.Key) ? 0 : JsonSerializer.SerializeToUtf8Bytes(s.Key, s_options).Length + 1;
            var index = keyIndex.TryGetValue(s.Key, out var known) ? known : keys.Count;
            var pointBytes = PointBytes(index, s.Step, s.Value, atMs);
            if (size + newKeyBytes + pointBytes > MaxPayloadBytes && points.Count > 0)
            {
                foreach (var payload in Serialize(origin, m.RunId, keys, points))
                {
                    yield return payload;
                }

                keys = [];
                keyIndex.Clear();
                points = [];
                size = envelope;
                newKeyBytes = JsonSerializer.SerializeToUtf8Bytes(s.Key, s_options).Length + 1;
                index = 0;
                pointBytes = PointBytes(index, s.Step, s.Value, atMs);
            }

            if (newKeyBytes > 0)
            {
                keyIndex[s.Key] = keys.Count;
                keys.Add(s.Key);
            }

            points.Add([index, s.Step, s.Value, atMs]);
            size += newKeyBytes + pointBytes;
        }

        if (points.Count > 0)
        {
            foreach (var payload in Serialize(origin, m.RunId, keys, points))
            {
                yield return payload;
            }
        }
    }

    /// <summary>Serialises a chunk; should the size count ever fall short, halves it rather than exceed the limit.</summary>
    private static IEnumerable<string> Serialize(Guid origin, Guid runId, List<string> keys, List<double[]> points)
    {
        var payload = JsonSerializer.Serialize(new Wire(origin, "m", runId, Keys: keys, Points: points), s_options);
        if (points.Count == 1 || Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
        {
            return [payload];
        }

        var half = points.Count / 2;
        return Serialize(origin, runId, keys, points[..half]).Concat(Serialize(origin, runId, keys, points[half..]));
    }

    /// <summary>Bytes of <c>[i,step,value,atMs]</c> and the comma before it.</summary>
    private static int PointBytes(int index, long step, double value, long atMs) =>
        5 + Digits(index) + Digits(step) + Digits(atMs) + NumberBytes(value);

    private static int Digits(long value) => value < 0 ? 1 + Digits(-value) : value < 10 ? 1 : 1 + Digits(value / 10);

    private static int NumberBytes(double value)
    {
        if (!double.IsFinite(value))
        {
            // Written as a quoted name: "NaN", "Infinity", "-Infinity".
            return double.IsNaN(value) ? 5 : double.IsPositiveInfinity(value) ? 10 : 11;
        }

        Span<byte> buffer = stackalloc byte[32];
        return System.Buffers.Text.Utf8Formatter.TryFormat(value, buffer, out var written) ? written : 32;
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
        List<string>? Keys = null,
        List<double[]>? Points = null,
        string? State = null,
        double? Progress = null,
        string? Message = null,
        DateTimeOffset? At = null);
}
