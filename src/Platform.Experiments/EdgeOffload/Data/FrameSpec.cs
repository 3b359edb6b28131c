namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>What the camera stream looks like (pixel noise applies to generated frames only).</summary>
public sealed record FrameSpec(int Size, int Classes, int MaxObjects, double EmptyShare, bool Distractors, double PixelNoise,
    EdgeOffloadData Source = EdgeOffloadData.Synthetic);
