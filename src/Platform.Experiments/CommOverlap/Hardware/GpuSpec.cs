using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap.Reporting;

namespace Platform.Experiments.CommOverlap.Hardware;

/// <summary>
/// The figures of one simulated GPU: matrix FP16 peak, the share of it a large GEMM reaches, HBM bandwidth and the
/// per-neighbour link bandwidth in one direction. Spec-sheet values from the hardware catalogue (Catalog/hardware-catalog.json,
/// the preset's kebab-case name), not checked against vendor pages. The paper's own simulated GPU is not known to us:
/// <see cref="GpuPreset.T3Calibrated"/> (a name kept for stored runs) is MI210's compute and HBM with a 150 GB/s link,
/// and a run declares its link, HBM and GEMM efficiency as assumptions with ranges.
/// </summary>
public sealed record GpuSpec(double PeakTflops, double GemmEfficiency, double HbmTbps, double LinkGbps)
{
    /// <summary>The share of the peak a large GEMM sustains unless the run overrides it: an assumption, not a spec figure.</summary>
    public const double DefaultGemmEfficiency = 0.75;

    public static GpuSpec For(GpuPreset preset) => From(HardwareCatalog.BuiltIn.Gpu(Names.Kebab(preset)));

    public static GpuSpec From(CatalogGpu gpu) => new(gpu.Fp16Tflops, DefaultGemmEfficiency, gpu.HbmTBps, gpu.LinkGBps);

    /// <summary>FLOP/s a large GEMM sustains.</summary>
    public double EffectiveFlops => PeakTflops * 1e12 * GemmEfficiency;

    public double HbmBytesPerSecond => HbmTbps * 1e12;

    public double LinkBytesPerSecond => LinkGbps * 1e9;
}
