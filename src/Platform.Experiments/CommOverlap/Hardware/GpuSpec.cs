namespace Platform.Experiments.CommOverlap.Hardware;

/// <summary>
/// The figures of one simulated GPU: matrix FP16 peak, the share of it a large GEMM reaches, HBM bandwidth and the
/// per-neighbour link bandwidth in one direction. Spec-sheet values, not checked against vendor pages. The paper's
/// own simulated GPU is not known to us: <see cref="GpuPreset.T3Calibrated"/> (a name kept for stored runs) is MI210's
/// compute and HBM with a 150 GB/s link, and a run declares its link, HBM and GEMM efficiency as assumptions with ranges.
/// </summary>
public sealed record GpuSpec(double PeakTflops, double GemmEfficiency, double HbmTbps, double LinkGbps)
{
    public static GpuSpec For(GpuPreset preset) => preset switch
    {
        GpuPreset.T3Calibrated => new(181, 0.75, 1.6, 150),
        GpuPreset.Mi210Like => new(181, 0.75, 1.6, 100),
        GpuPreset.A100Like => new(312, 0.75, 2.0, 300),
        GpuPreset.H100Like => new(989, 0.75, 3.35, 450),
        GpuPreset.Mi300xLike => new(1307, 0.75, 5.3, 64),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown GPU preset."),
    };

    /// <summary>FLOP/s a large GEMM sustains.</summary>
    public double EffectiveFlops => PeakTflops * 1e12 * GemmEfficiency;

    public double HbmBytesPerSecond => HbmTbps * 1e12;

    public double LinkBytesPerSecond => LinkGbps * 1e9;
}
