namespace Platform.Experiments.EdgeOffload;

/// <summary>What the camera stream shows and what the teacher is built on.</summary>
public enum EdgeOffloadData
{
    /// <summary>Generated shapes on textured backgrounds; the teacher is trained from scratch (fast).</summary>
    Synthetic,

    /// <summary>
    /// Real photographs with real handwritten digits at known boxes (<see cref="Data.RealScenes"/>); the teacher is
    /// ImageNet ResNet-18 (frozen, from ONNX) with a trained detection head.
    /// </summary>
    PhotosWithDigits,
}
