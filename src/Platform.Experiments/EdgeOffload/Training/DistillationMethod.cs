namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Head network distillation matches only the split layer's output (L1); generalised HND also matches the later
/// layers (L2, L3) computed by the frozen trunk from the student's L1, so the bottleneck keeps what they use.
/// </summary>
public enum DistillationMethod
{
    Hnd,
    Ghnd,
}
