using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>What the stream's frames send and how well each strategy detects on them.</summary>
internal sealed record StreamOutcome(
    IReadOnlyList<FramePayload> Payloads,
    IReadOnlyDictionary<Strategy, DetectionScore> Scores,
    IReadOnlyList<StudentScore> Students,
    FilterScore Filter,
    long RawBytes)
{
    public double MeanJpegBytes => Payloads.Average(f => (double)f.JpegBytes);

    public long BottleneckBytes => Payloads[0].BottleneckBytes;

    public long NaiveBytes => Payloads[0].NaiveBytes;

    public double MeanBytes(Strategy strategy) => Payloads.Average(f => (double)DelayModel.Bytes(strategy, f));
}

/// <summary>A student's stream accuracy with a float bottleneck and with the quantised one actually sent.</summary>
internal sealed record StudentScore(string Name, DetectionScore Float, DetectionScore Quantized);

/// <summary>The filter on the stream: recall and precision of "has an object", the share of frames it drops.</summary>
internal sealed record FilterScore(double Threshold, double Recall, double Precision, double FilteredShare, double EmptyShare);
