using Platform.Experiments.HardwareProfile.Measurement;
using Platform.Experiments.Torch;

namespace Platform.Bench.Benchmarks.TorchCompute;

/// <summary>Times the hardware-profile family's own training step (the same class the family runs).</summary>
internal static class TorchSharpStep
{
    public static double MedianMs(int batch, int hidden, int threads, int warmup, int steps)
    {
        TorchRuntime.StartRun(threads, seed: 1);
        using var timer = new TrainStepTimer(batch, hidden);
        for (var i = 0; i < warmup; i++)
        {
            timer.Step();
        }

        var times = new List<double>(steps);
        for (var i = 0; i < steps; i++)
        {
            times.Add(timer.Step().Milliseconds);
        }

        return Harness.Percentiles.Of(times, 50);
    }

    /// <summary>Multiply-adds of one step: forward once, backward twice (input and weight gradients), two FLOPs each.</summary>
    public static double FlopsPerStep(int batch, int hidden) =>
        3 * 2.0 * batch * ((64.0 * hidden) + ((double)hidden * hidden) + (hidden * 10.0));
}
