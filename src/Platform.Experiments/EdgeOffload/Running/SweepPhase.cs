using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>
/// Streams the measured payloads over each fixed rate under the assumed constants, re-evaluates that sweep at every
/// point of the assumption design (the cheap delay model only; nothing is trained again), then streams over the
/// Gilbert-Elliott channel.
/// </summary>
internal static class SweepPhase
{
    // Latin-hypercube points beside the assumed one, the one-at-a-time ends and the corners.
    private const int InteriorSamples = 16;

    public static async Task<SweepOutcome> RunAsync(RunScope run, StreamOutcome stream, HostTimings host)
    {
        var p = run.Parameters;
        var assumed = Setting(p);
        var design = AssumptionDesign.Build(assumed.Declare(), InteriorSamples, run.Seed);
        var atPoints = new List<SettingSweep>(design.Points.Count);
        foreach (var point in design.Points)
        {
            run.CancellationToken.ThrowIfCancellationRequested();
            atPoints.Add(SettingSweep.Run(DelaySetting.At(point), host, stream.Payloads, p.RatesMbps));
        }

        var sweep = atPoints[0];
        foreach (var point in sweep.Rates)
        {
            var step = (long)Math.Round(point.RateMbps * 1000);
            foreach (var (strategy, d) in point.Delays)
            {
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.DelayMs, strategy.Key()), step, d.MeanMs);
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.DelayP95Ms, strategy.Key()), step, d.P95Ms);
            }
            await run.StepAsync($"{point.RateMbps} Mbps: fastest of LC/EC/SC is {point.Winner(Strategy.Local, Strategy.Edge, Strategy.Split).Key()}");
        }

        var band = sweep.Band;
        await run.LineAsync($"Delay model at the assumed constants: SC beats LC above {band.BeatsLocalAboveMbps:G3} Mbps and EC below {band.BeatsEdgeBelowMbps:G3} Mbps; " +
            $"re-evaluated at {design.Points.Count} points of the assumption design.");
        var gilbertElliott = p.GilbertElliott ? await GilbertElliottAsync(run, stream, sweep) : null;
        await run.StepAsync("channel simulations done");
        return new SweepOutcome(host, design, atPoints, gilbertElliott);
    }

    /// <summary>The constants a run assumes: the device and server factors it was given, the paper code's link.</summary>
    public static DelaySetting Setting(EdgeOffloadParameters p) =>
        new(p.DeviceSlowdown, p.DeviceJpegSlowdown, p.ServerSpeedup, LinkModel.PaperCode.Efficiency, LinkModel.PaperCode.LatencySeconds * 1000);

    private static async Task<IReadOnlyDictionary<Strategy, StreamDelays>> GilbertElliottAsync(RunScope run, StreamOutcome stream, SettingSweep sweep)
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
                var ms = DelayModel.Seconds(strategy, sweep.Times, sweep.Setting.Link, stream.Payloads[i], channel.NextRateMbps()) * 1000;
                delays.Add(ms);
                await run.LogAsync(key, i, ms);
            }
            result[strategy] = StreamDelays.FromMs(delays);
        }
        return result;
    }
}
