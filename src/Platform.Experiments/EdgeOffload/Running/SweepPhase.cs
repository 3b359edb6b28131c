using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Streams the measured payloads over each fixed rate, then over the Gilbert-Elliott channel.</summary>
internal static class SweepPhase
{
    public static async Task<SweepOutcome> RunAsync(RunScope run, StreamOutcome stream, HostTimings host)
    {
        var p = run.Parameters;
        var times = ComputeTimes.FromHost(host, p.DeviceSlowdown, p.ServerSpeedup);
        var rates = new List<RatePoint>();
        foreach (var rate in p.RatesMbps.Order())
        {
            run.CancellationToken.ThrowIfCancellationRequested();
            var delays = StrategyNames.All.ToDictionary(s => s,
                s => StreamDelays.Simulate(s, times, stream.Payloads, new FixedRateChannel(rate)));
            var step = (long)Math.Round(rate * 1000);
            foreach (var (strategy, d) in delays)
            {
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.DelayMs, strategy.Key()), step, d.MeanMs);
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.DelayP95Ms, strategy.Key()), step, d.P95Ms);
            }
            var point = new RatePoint(rate, delays);
            rates.Add(point);
            await run.StepAsync($"{rate} Mbps: fastest of LC/EC/SC is {point.Winner(Strategy.Local, Strategy.Edge, Strategy.Split).Key()}");
        }

        var band = SplitBand.From(times, stream.MeanJpegBytes, stream.BottleneckBytes);
        await run.LineAsync($"Delay model: SC beats LC above {band.BeatsLocalAboveMbps:G3} Mbps and EC below {band.BeatsEdgeBelowMbps:G3} Mbps.");
        var gilbertElliott = p.GilbertElliott ? await GilbertElliottAsync(run, stream, times) : null;
        await run.StepAsync("channel simulations done");
        return new SweepOutcome(host, times, rates, band, gilbertElliott);
    }

    private static async Task<IReadOnlyDictionary<Strategy, StreamDelays>> GilbertElliottAsync(RunScope run, StreamOutcome stream, ComputeTimes times)
    {
        var p = run.Parameters;
        var result = new Dictionary<Strategy, StreamDelays>();
        foreach (var strategy in StrategyNames.All)
        {
            // One seed for every strategy: each sees the same sequence of good and bad frames.
            var channel = new GilbertElliottChannel(p.GoodRateMbps, p.BadRateMbps, p.GoodToBad, p.BadToGood, run.Seed + 13);
            var key = EdgeOffloadMetrics.Series(EdgeOffloadMetrics.GilbertElliottDelayMs, strategy.Key());
            var delays = new List<double>();
            for (var i = 0; i < stream.Payloads.Count; i++)
            {
                var ms = DelayModel.Seconds(strategy, times, stream.Payloads[i], channel.NextRateMbps()) * 1000;
                delays.Add(ms);
                await run.LogAsync(key, i, ms);
            }
            result[strategy] = StreamDelays.FromMs(delays);
        }
        return result;
    }
}
