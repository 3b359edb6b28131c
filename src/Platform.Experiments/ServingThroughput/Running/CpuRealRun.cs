using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Cpu;
using Platform.Experiments.ServingThroughput.Reporting;
using TorchRuntime = Platform.Experiments.Torch.TorchRuntime;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// The cpu-real mode: measures this CPU's GEMM efficiency curve and GEMM/attention interference, then serves the same
/// requests with the tiny decoder under each schedule, repeatedly, for tokens/s with confidence intervals; the summary
/// gives tokens/s per schedule, the share of this CPU's optimum, and why overlap does or does not pay.
/// </summary>
internal static class CpuRealRun
{
    private const int WarmUpRequests = 8;
    private static readonly ServingSchedule[] s_schedules = [ServingSchedule.Sequential, ServingSchedule.NanobatchOnly, ServingSchedule.NanoOverlap];

    public static async Task<RunSummary> RunAsync(ServingThroughputParameters p, IRunContext context, CancellationToken cancellationToken)
    {
        var threads = TorchRuntime.StartRun(TorchRuntime.ThreadsFor(p.Threads, context.Threads), context.Seed);
        var config = new TinyDecoderConfig(p.CpuModelDim, p.CpuLayers, p.CpuHeads, p.CpuKvHeads, p.CpuFfn, ServingThroughputParameters.CpuMaxContext);
        using var model = new TinyDecoder(config, context.Seed);
        await context.LogLineAsync($"{Platform.Experiments.Torch.TorchVersions.Current}, {threads} threads; decoder d={config.Dim}, " +
            $"{config.Layers} layers, {config.Heads}/{config.KvHeads} heads, FFN {config.Ffn}: {config.ActiveParams / 1e6:F2} M active parameters", cancellationToken);
        var phases = 3.0 + p.Repetitions;

        await context.ProgressAsync(0, "GEMM efficiency curve", cancellationToken);
        var peak = 0.0;
        foreach (var rows in GemmCurve.Rows(Math.Max(p.TokenBudget, 2 * p.TokenBudget)))
        {
            TorchRuntime.UseThreads(threads);
            var gflops = GemmCurve.MeasureGflops(config, rows, cancellationToken);
            peak = Math.Max(peak, gflops);
            await context.LogAsync(ServingThroughputMetrics.CpuGemm, rows, gflops, cancellationToken);
        }

        await context.ProgressAsync(1 / phases, "GEMM/attention interference", cancellationToken);
        var interference = await InterferenceProbe.MeasureAsync(config, p.TokenBudget, p.CpuPromptTokens + p.CpuOutputTokens, threads, cancellationToken);
        await context.LogLineAsync($"Interference: GEMM keeps {interference.GemmPerformance:P0} and attention {interference.AttentionPerformance:P0} " +
            $"of their solo speed when run together (R+P = {interference.Sum:F2})", cancellationToken);

        await context.ProgressAsync(2 / phases, "warming up", cancellationToken);
        var engine = new CpuServingEngine(model, p.TokenBudget, threads);
        await engine.RunAsync(Requests(p, Math.Min(WarmUpRequests, p.Requests), context.Seed), ServingSchedule.Sequential, null, cancellationToken);

        var throughput = s_schedules.ToDictionary(s => s, _ => new List<double>());
        var opTotals = OpTimes.Classes.ToDictionary(c => c, _ => 0.0);
        var agree = true;
        for (var repetition = 0; repetition < p.Repetitions; repetition++)
        {
            await context.ProgressAsync((3 + repetition) / phases, $"repetition {repetition + 1} of {p.Repetitions}", cancellationToken);
            IReadOnlyList<int[]>? reference = null;
            foreach (var schedule in s_schedules)
            {
                var observe = repetition == 0 && schedule == ServingSchedule.Sequential ? Observer(context, opTotals, cancellationToken) : null;
                var result = await engine.RunAsync(Requests(p, p.Requests, context.Seed), schedule, observe, cancellationToken);
                throughput[schedule].Add(result.TokensPerSecond);
                await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.CpuThroughputGroup, EngineNames.Of(schedule)), repetition + 1,
                    result.TokensPerSecond, cancellationToken);
                reference ??= result.Outputs;
                agree &= reference.Zip(result.Outputs).All(pair => pair.First.SequenceEqual(pair.Second));
            }

            await context.LogLineAsync($"Repetition {repetition + 1}: " + string.Join(", ", s_schedules.Select(s => $"{EngineNames.Of(s)} {throughput[s][^1]:F0} tokens/s")), cancellationToken);
        }

        await context.ProgressAsync(1, "measured", cancellationToken);
        var measurements = new CpuMeasurements(config, threads, peak, interference, throughput, opTotals, agree);
        return new RunSummary(SummaryMetrics.Build(measurements), Claims.Build(measurements))
        {
            Tables = [Tables.Schedules(measurements), Tables.Interference(measurements.Interference), Tables.Ops(measurements.OpMsTotals)],
        };
    }

    private static List<ServedRequest> Requests(ServingThroughputParameters p, int count, long seed) =>
        ServedRequest.Create(count, p.CpuPromptTokens, p.CpuOutputTokens, 256, seed);

    private static Func<int, IReadOnlyList<Segment>, OpTimes, ValueTask> Observer(IRunContext context, Dictionary<string, double> totals, CancellationToken cancellationToken) =>
        async (iteration, segments, times) =>
        {
            foreach (var (opClass, ms) in times.Milliseconds)
            {
                totals[opClass] += ms;
                await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.CpuOpMsGroup, opClass), iteration, ms, cancellationToken);
            }

            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.CpuBatchGroup, "decode"), iteration,
                segments.Count(s => s.IsDecode), cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.CpuBatchGroup, "prefill"), iteration,
                segments.Where(s => !s.IsDecode).Sum(s => s.Tokens.Length), cancellationToken);
        };
}
