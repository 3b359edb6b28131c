using System.Text;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Metrics;

namespace Platform.UnitTests.Events;

public sealed class RunEventCodecTests
{
    // PostgreSQL rejects a NOTIFY payload of 8,000 bytes or more (default build).
    private const int NotifyLimitBytes = 8_000;

    private static readonly Guid s_origin = Guid.NewGuid();
    private static readonly Guid s_runId = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    private static (Guid Origin, RunEvent Event) Decode(string payload)
    {
        var decoded = RunEventCodec.Decode(payload);
        Assert.NotNull(decoded);
        return decoded.Value;
    }

    private static (Guid Origin, RunEvent Event) RoundTrip(RunEvent runEvent)
    {
        var payload = Assert.Single(RunEventCodec.Encode(runEvent, s_origin));
        return Decode(payload);
    }

    private static void AssertFitsNotify(string payload) =>
        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 1, NotifyLimitBytes - 1);

    private static List<MetricSample> Samples(int count, Func<int, string> key, Func<int, double> value) =>
        [.. Enumerable.Range(0, count).Select(i => new MetricSample(s_runId, key(i), i, value(i), s_at.AddMilliseconds(i)))];

    [Fact]
    public void Round_trips_metrics_including_non_finite_values()
    {
        double[] values = [0.25, -3.5e-12, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon];
        var samples = Samples(values.Length, i => i % 2 == 0 ? "train/loss" : "val/accuracy", i => values[i]);

        var (origin, decoded) = RoundTrip(new MetricsAppended(s_runId, samples));

        Assert.Equal(s_origin, origin);
        var metrics = Assert.IsType<MetricsAppended>(decoded);
        Assert.Equal(s_runId, metrics.RunId);
        Assert.Equal(samples, metrics.Samples);
        Assert.True(double.IsNaN(metrics.Samples[2].Value));
    }

    [Fact]
    public void Keeps_sample_times_to_the_millisecond()
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2));
        var sample = new MetricSample(s_runId, "loss", 3, 1.5, at);

        var (_, decoded) = RoundTrip(new MetricsAppended(s_runId, [sample]));

        Assert.Equal(at, Assert.Single(Assert.IsType<MetricsAppended>(decoded).Samples).At);
    }

    [Theory]
    [InlineData(RunState.Queued, null)]
    [InlineData(RunState.Running, "Attempt 1 on worker-1")]
    [InlineData(RunState.Succeeded, null)]
    [InlineData(RunState.Failed, "InvalidOperationException: diverged")]
    [InlineData(RunState.Cancelled, "Cancelled by a user")]
    public void Round_trips_a_state_change(RunState state, string? message)
    {
        var change = new RunStateChanged(s_runId, state, message);

        var (origin, decoded) = RoundTrip(change);

        Assert.Equal(s_origin, origin);
        Assert.Equal(change, decoded);
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.42, "Epoch 3 of 10")]
    [InlineData(1.0, "done")]
    public void Round_trips_progress_as_its_own_event(double progress, string? message)
    {
        var report = new RunProgressed(s_runId, progress, message);

        var (origin, decoded) = RoundTrip(report);

        Assert.Equal(s_origin, origin);
        Assert.Equal(report, decoded);
    }

    [Fact]
    public void Round_trips_a_non_finite_progress()
    {
        var (_, decoded) = RoundTrip(new RunProgressed(s_runId, double.NaN, "stalled"));

        Assert.True(double.IsNaN(Assert.IsType<RunProgressed>(decoded).Progress));
    }

    [Fact]
    public void Keeps_a_progress_report_with_a_long_message_under_the_notify_limit()
    {
        var message = string.Concat(Enumerable.Repeat("évaluation ", 1_000));

        var payload = Assert.Single(RunEventCodec.Encode(new RunProgressed(s_runId, 0.5, message), s_origin));

        AssertFitsNotify(payload);
        Assert.Equal(message[..2_000], Assert.IsType<RunProgressed>(Decode(payload).Event).Message);
    }

    [Fact]
    public void Round_trips_a_log_line_with_its_time_and_offset()
    {
        var line = new RunLogWritten(s_runId, new DateTimeOffset(2025, 6, 1, 12, 0, 0, 250, TimeSpan.FromHours(-5)), "epoch 1: loss=\"0.5\" <ok> é ✓");

        var (origin, decoded) = RoundTrip(line);

        Assert.Equal(s_origin, origin);
        var log = Assert.IsType<RunLogWritten>(decoded);
        Assert.Equal(line, log);
        Assert.Equal(line.At.Offset, log.At.Offset);
    }

    [Fact]
    public void Truncates_a_long_log_line_to_two_thousand_characters()
    {
        var message = string.Concat(Enumerable.Repeat("0123456789", 500));

        var payload = Assert.Single(RunEventCodec.Encode(new RunLogWritten(s_runId, s_at, message), s_origin));

        AssertFitsNotify(payload);
        Assert.Equal(message[..2_000], Assert.IsType<RunLogWritten>(Decode(payload).Event).Message);
    }

    [Fact]
    public void Returns_null_for_an_unknown_event_type()
    {
        var payload = $$"""{"Origin":"{{s_origin}}","Type":"x","RunId":"{{s_runId}}"}""";

        Assert.Null(RunEventCodec.Decode(payload));
    }

    [Fact]
    public void Splits_a_large_batch_with_long_keys_into_payloads_under_the_notify_limit()
    {
        var prefix = "validation/per-class/" + new string('k', 120) + "/";
        var samples = Samples(5_000, i => prefix + (i % 37), i => Math.Sin(i) * 1e6 / (i + 1));

        var payloads = RunEventCodec.Encode(new MetricsAppended(s_runId, samples), s_origin).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, AssertFitsNotify);
        var decoded = payloads.Select(Decode).ToList();
        Assert.All(decoded, d => Assert.Equal(s_origin, d.Origin));
        Assert.All(decoded, d => Assert.Equal(s_runId, d.Event.RunId));
        Assert.Equal(samples, decoded.SelectMany(d => Assert.IsType<MetricsAppended>(d.Event).Samples));
    }

    [Fact]
    public void Encodes_an_empty_batch_as_no_payload()
    {
        Assert.Empty(RunEventCodec.Encode(new MetricsAppended(s_runId, []), s_origin));
    }

    [Fact]
    public void Splits_a_batch_with_short_keys_into_payloads_under_the_notify_limit()
    {
        var random = new Random(3);
        var samples = Samples(5_000, _ => "loss", _ => random.NextDouble());

        var payloads = RunEventCodec.Encode(new MetricsAppended(s_runId, samples), s_origin).ToList();

        Assert.All(payloads, AssertFitsNotify);
        Assert.Equal(samples, payloads.Select(Decode).SelectMany(d => Assert.IsType<MetricsAppended>(d.Event).Samples));
    }

    [Fact]
    public void Splits_a_batch_with_non_ascii_keys_into_payloads_under_the_notify_limit()
    {
        var samples = Samples(2_000, i => "точность/класс-" + new string('ё', 60) + (i % 5), i => i);

        var payloads = RunEventCodec.Encode(new MetricsAppended(s_runId, samples), s_origin).ToList();

        Assert.All(payloads, AssertFitsNotify);
    }

    [Fact]
    public void Keeps_a_state_change_with_a_long_message_under_the_notify_limit()
    {
        var reason = "ExternalException: " + string.Concat(Enumerable.Repeat("frame #0: c10::Error::Error(...) + 0x5c ", 250));

        var payload = Assert.Single(RunEventCodec.Encode(new RunStateChanged(s_runId, RunState.Failed, reason), s_origin));

        AssertFitsNotify(payload);
    }

    [Fact]
    public void Keeps_a_long_non_ascii_log_line_under_the_notify_limit()
    {
        var message = string.Concat(Enumerable.Repeat("ошибка \"x\" ", 400));

        var payload = Assert.Single(RunEventCodec.Encode(new RunLogWritten(s_runId, s_at, message), s_origin));

        AssertFitsNotify(payload);
    }

    [Fact]
    public void Tells_its_own_payloads_apart_without_decoding_them()
    {
        var mine = Guid.NewGuid();
        var theirs = Guid.NewGuid();
        var samples = new[] { new MetricSample(Guid.NewGuid(), "loss", 1, 0.5, DateTimeOffset.UnixEpoch) };
        var payloads = RunEventCodec.Encode(new MetricsAppended(samples[0].RunId, samples), mine)
            .Concat(RunEventCodec.Encode(new RunStateChanged(Guid.NewGuid(), RunState.Running, "m"), mine))
            .Concat(RunEventCodec.Encode(new RunProgressed(Guid.NewGuid(), 0.5, "m"), mine))
            .ToList();

        Assert.All(payloads, p => Assert.True(RunEventCodec.IsFrom(p, mine)));
        Assert.All(payloads, p => Assert.False(RunEventCodec.IsFrom(p, theirs)));
        Assert.False(RunEventCodec.IsFrom("not json", mine));
    }
}
