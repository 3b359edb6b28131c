using Platform.Experiments.Contract;
using Platform.Experiments.HardwareProfile.Measurement;
using Platform.Experiments.HardwareProfile.Reporting;
using Platform.Experiments.HardwareProfile.Running;
using Platform.Experiments.Torch;

namespace Platform.Experiments.HardwareProfile;

/// <summary>
/// Measures the worker it runs on, so other runs' timings can be read against their machine. It reproduces no
/// paper and so reports no claims. Metric keys: <see cref="HardwareProfileMetrics"/>.
/// </summary>
public sealed class HardwareProfileExperiment : Experiment<HardwareProfileParameters>
{
    public override string Kind => "hardware-profile";

    public override string Title => "Hardware profile";

    public override string Description =>
        "Measures this worker with TorchSharp: float32 matrix-product throughput per size (GFLOP/s), memory copy " +
        "bandwidth (GB/s) and the time of one small MLP training step (ms).";

    public override IReadOnlyList<ExperimentPreset> Presets =>
    [
        Preset("quick", "Quick look", "Small matrices, a small copy and a few training steps: done in seconds.",
            new HardwareProfileParameters { MatrixSizes = [64, 128, 256], Repeats = 2, CopyBufferMiB = 16, TrainSteps = 5 }),
    ];

    public override IReadOnlyList<ChartPanel> Charts => Reporting.Charts.Panels;

    protected override async Task<RunSummary> RunAsync(
        HardwareProfileParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var threads = TorchRuntime.StartRun(TorchRuntime.ThreadsFor(parameters.Threads, context.Threads), context.Seed);
        await context.LogLineAsync($"{TorchVersions.Current}, {threads} threads", cancellationToken);

        var progress = new PhaseProgress(context, parameters.MatrixSizes.Count + 2);
        var peakGflops = await ProfileMatmulAsync(parameters, threads, context, progress, cancellationToken);
        var peakGbps = await ProfileCopyAsync(parameters, threads, context, progress, cancellationToken);
        var minStepMs = await ProfileTrainStepAsync(parameters, threads, context, progress, cancellationToken);

        return RunSummary.FromMetrics(new Dictionary<string, double>
        {
            [HardwareProfileMetrics.PeakMatmulGflops] = peakGflops,
            [HardwareProfileMetrics.PeakCopyGbps] = peakGbps,
            [HardwareProfileMetrics.MinTrainStepMs] = minStepMs,
            [HardwareProfileMetrics.Threads] = threads,
        });
    }

    private static async Task<double> ProfileMatmulAsync(
        HardwareProfileParameters parameters, int threads, IRunContext context, PhaseProgress progress, CancellationToken cancellationToken)
    {
        var peak = 0.0;
        foreach (var size in parameters.MatrixSizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TorchRuntime.UseThreads(threads);
            var gflops = MatmulThroughput.MeasureGflops(size, parameters.Repeats, cancellationToken);
            peak = Math.Max(peak, gflops);
            await context.LogAsync(HardwareProfileMetrics.MatmulGflops, size, gflops, cancellationToken);
            await progress.CompleteAsync($"matmul {size}x{size}: {gflops:F1} GFLOP/s", cancellationToken);
        }
        return peak;
    }

    private static async Task<double> ProfileCopyAsync(
        HardwareProfileParameters parameters, int threads, IRunContext context, PhaseProgress progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TorchRuntime.UseThreads(threads);
        using var bandwidth = new CopyBandwidth(parameters.CopyBufferMiB);
        var peak = 0.0;
        for (var repeat = 0; repeat < parameters.Repeats; repeat++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TorchRuntime.UseThreads(threads);
            var gbps = bandwidth.MeasureGbps();
            peak = Math.Max(peak, gbps);
            await context.LogAsync(HardwareProfileMetrics.CopyGbps, repeat, gbps, cancellationToken);
        }
        await progress.CompleteAsync($"memory copy of {parameters.CopyBufferMiB} MiB: {peak:F1} GB/s", cancellationToken);
        return peak;
    }

    private static async Task<double> ProfileTrainStepAsync(
        HardwareProfileParameters parameters, int threads, IRunContext context, PhaseProgress progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TorchRuntime.UseThreads(threads);
        using var timer = new TrainStepTimer(parameters.TrainBatchSize, parameters.TrainHiddenWidth);
        var fastest = double.PositiveInfinity;
        for (var step = 0; step < parameters.TrainSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TorchRuntime.UseThreads(threads);
            var (milliseconds, loss) = timer.Step();
            fastest = Math.Min(fastest, milliseconds);
            await context.LogAsync(HardwareProfileMetrics.TrainStepMs, step, milliseconds, cancellationToken);
            await context.LogAsync(HardwareProfileMetrics.TrainStepLoss, step, loss, cancellationToken);
        }
        await progress.CompleteAsync($"MLP training step: {fastest:F2} ms", cancellationToken);
        return fastest;
    }
}
