namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>An encoded frame and what a decoder reconstructs from it (planar RGB in [0, 1]).</summary>
public sealed record JpegImage(byte[] Bytes, float[] Reconstruction);
