using Platform.Bench.Benchmarks.TorchCompute;
using Platform.Bench.Harness;
using Platform.Experiments.HardwareProfile.Measurement;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// Issue 10, benchmark 4. The federated-prompt Vision Transformer has not landed, so the nearest model that has is
/// used: the hardware-profile family's MLP training step (forward, backward, Adam). Ours is TorchSharp; the baseline
/// is the same model and step in PyTorch (Debian's python3-torch), same batch and threads, in the same run. The
/// step's effective GEMM rate is also set against this run's matmul peak, as the hardware-profile family measures it.
/// </summary>
public sealed class TorchComputeBenchmark : IBenchmark
{
    public string Name => "torch-compute";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var threads = Environment.ProcessorCount;
        var (warmup, steps) = context.Quick ? (2, 3) : (10, 60);
        (int Batch, int Hidden)[] shapes = context.Quick ? [(64, 128)] : [(256, 512), (1024, 1024)];
        var results = new List<BenchResult>();
        var lastStepMs = 0.0;
        foreach (var (batch, hidden) in shapes)
        {
            var ours = lastStepMs = TorchSharpStep.MedianMs(batch, hidden, threads, warmup, steps);
            var twin = await PyTorchTwin.MeasureAsync(batch, hidden, threads, warmup, steps, cancellationToken);
            results.Add(new BenchResult(
                Name, $"MLP step, batch {batch}, hidden {hidden}, {threads} threads", "ms", ours,
                twin is { } t ? $"PyTorch {t.Version}" : "PyTorch unavailable (apt-get install python3-torch)",
                twin?.MedianMs, HigherIsBetter: false, "≤ 1.2× PyTorch's time",
                twin is { } p ? ours <= 1.2 * p.MedianMs : null));
        }

        var peakSize = context.Quick ? 256 : 1024;
        var peak = MatmulThroughput.MeasureGflops(peakSize, context.Quick ? 2 : 10, cancellationToken);
        var (lastBatch, lastHidden) = shapes[^1];
        var stepGflops = TorchSharpStep.FlopsPerStep(lastBatch, lastHidden) / (lastStepMs / 1e3) / 1e9;
        results.Add(new BenchResult(
            Name, $"GEMM rate inside the step (batch {lastBatch}, hidden {lastHidden}) vs matmul peak ({peakSize}²)", "GFLOP/s",
            stepGflops, "hardware-profile matmul peak", peak, HigherIsBetter: true, "informational", null));
        return results;
    }
}
