namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>What one frame would send under each strategy, in bytes, and whether the filter drops it.</summary>
public sealed record FramePayload(long JpegBytes, long BottleneckBytes, long NaiveBytes, bool Dropped);
