using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Measures the real modules on this host, to be scaled to the device and the server.</summary>
internal static class TimingPhase
{
    public static async Task<HostTimings> RunAsync(RunScope run, Datasets data, TinyDetector teacher, BottleneckStudent student, FilterOutcome filter)
    {
        var p = run.Parameters;
        run.UseThreads();
        var timer = new ModuleTimer(teacher, student, filter.Filter, p.QuantizationBits, p.JpegQuality);
        var host = timer.Measure([.. data.Stream.Take(p.TimingFrames)], run.CancellationToken);
        await run.LineAsync($"Host ms per frame: teacher {host.FullMs:F3}, JPEG {host.JpegMs:F3}, stem {host.StemMs:F3}, encoder {host.EncoderMs:F3}, " +
            $"filter {host.FilterMs:F3}, tail {host.TailMs:F3}, naive head {host.NaiveHeadMs:F3}, naive tail {host.NaiveTailMs:F3}.");
        await run.StepAsync("module times measured");
        return host;
    }
}
