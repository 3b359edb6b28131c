namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>What the generated camera stream looks like.</summary>
public sealed record FrameSpec(int Size, int Classes, int MaxObjects, double EmptyShare, bool Distractors, double PixelNoise);
