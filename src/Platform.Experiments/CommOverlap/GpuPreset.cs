namespace Platform.Experiments.CommOverlap;

/// <summary>Spec-sheet GPU figures to simulate; see <see cref="Hardware.GpuSpec"/> for the numbers.</summary>
public enum GpuPreset
{
    T3Calibrated,
    Mi210Like,
    A100Like,
    H100Like,
    Mi300xLike,
}
