namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// Median wall time of each real module on this host for one frame, in ms. Full and tails include decoding the
/// head's output into boxes; the encoder includes quantisation.
/// </summary>
public sealed record HostTimings(double FullMs, double JpegMs, double StemMs, double EncoderMs, double FilterMs,
    double TailMs, double NaiveHeadMs, double NaiveTailMs);
