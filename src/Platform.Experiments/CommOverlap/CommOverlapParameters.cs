using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap;

/// <summary>
/// Knobs of the T3 overlap simulator (the models, sublayers, TP degrees and GPU of the T3 paper's evaluation, plus the
/// constants of its DRAM and link model, each declared with its plausible range as an assumption of the run) and of
/// the small CPU demonstration.
/// </summary>
public sealed partial class CommOverlapParameters : IValidatableParameters
{
    [Parameter("simulate: the event-driven model of a GPU ring; cpu-real: a small real demonstration on this CPU with TorchSharp.", Main = true)]
    public RunMode Mode { get; set; } = RunMode.Simulate;

    [Parameter("Models to simulate; each contributes one cell per sublayer and TP degree.", MinItems = 1, MaxItems = 6, Main = true)]
    public List<TransformerModel> Models { get; set; } = [TransformerModel.TNlg];

    [Parameter("Hidden size H of the 'custom' model.", Minimum = 512, Maximum = 32768)]
    public int CustomHidden { get; set; } = 8192;

    [Parameter("Hardware catalogue whose models and GPUs extend the built-in ones (an entry of the same name replaces the built-in one).", Dataset = [HardwareCatalogDataset.Format])]
    public Guid? Catalog { get; set; }

    [Parameter("A model of the catalogue (the uploaded one, else the built-in) by name: the 'custom' model takes its hidden size instead of customHidden.", MaxLength = CatalogEntryReader.MaxNameLength)]
    public string? CatalogModel { get; set; }

    [Parameter("A GPU of the catalogue (the uploaded one, else the built-in) by name: its figures replace gpu's; the override fields below still apply.", MaxLength = CatalogEntryReader.MaxNameLength)]
    public string? CatalogGpu { get; set; }

    [Parameter("Sublayers whose GEMM is followed by an all-reduce.", MinItems = 1, MaxItems = 4, Main = true)]
    public List<Sublayer> Sublayers { get; set; } = [Sublayer.Op, Sublayer.Fc2, Sublayer.Fc1, Sublayer.Ip];

    [Parameter("Tensor-parallel degrees N (ring size); several values make a sweep.", Minimum = 2, Maximum = 64, MinItems = 1, MaxItems = 12, Main = true)]
    public List<int> TpDegrees { get; set; } = [8, 16];

    [Parameter("TP degrees for the ~500B models (PaLM, MT-NLG), which run at larger TP than the others; empty uses tpDegrees.", Minimum = 2, Maximum = 64, MaxItems = 12)]
    public List<int> LargeModelTpDegrees { get; set; } = [];

    [Parameter("Tokens per micro-batch T (batch x sequence length).", Minimum = 512, Maximum = 65536)]
    public int Tokens { get; set; } = 8192;

    [Parameter("Bytes per element (1, 2 or 4).", Minimum = 1, Maximum = 4)]
    public int DtypeBytes { get; set; } = 2;

    [Parameter("GPU figures to simulate; the fields below override single figures.", Main = true)]
    public GpuPreset Gpu { get; set; } = GpuPreset.T3Calibrated;

    [Parameter("Override: matrix FP16 peak in TFLOP/s.", Minimum = 10, Maximum = 2000)]
    public double? PeakTflops { get; set; }

    [Parameter("Override: share of the peak a large GEMM sustains.", Minimum = 0.3, Maximum = 1.0)]
    public double? GemmEfficiency { get; set; }

    [Parameter("Override: HBM bandwidth in TB/s.", Minimum = 0.2, Maximum = 8)]
    public double? HbmTbps { get; set; }

    [Parameter("Override: per-neighbour link bandwidth, one direction, in GB/s.", Minimum = 10, Maximum = 900)]
    public double? LinkGbps { get; set; }

    [Parameter("Per-step latency of a kernel-driven collective step (launch, synchronisation), in µs.", Minimum = 0, Maximum = 50)]
    public double StepLatencyUs { get; set; } = 5;

    [Parameter("Latency from the tracker seeing a region complete to its DMA starting, in µs.", Minimum = 0, Maximum = 20)]
    public double TriggerLatencyUs { get; set; } = 1;

    [Parameter("Tracker granularity: tracked blocks per ring chunk (finer pipelines better, needs more tracker entries).", Minimum = 1, Maximum = 64)]
    public int TrackerBlocks { get; set; } = 4;

    [Parameter("GEMM output tile edge, for the GEMM's DRAM traffic.", Minimum = 64, Maximum = 256)]
    public int GemmTile { get; set; } = 128;

    [Parameter("Share of the GEMM's input re-reads served by the L2.", Minimum = 0, Maximum = 0.99)]
    public double L2Reuse { get; set; } = 0.9;

    [Parameter("DRAM accesses per element per step of the baseline (CU-based) reduce-scatter.", Minimum = 3, Maximum = 5)]
    public double BaselineAccesses { get; set; } = 4;

    [Parameter("DRAM accesses per element per step of T3 with near-memory reduction.", Minimum = 1, Maximum = 3)]
    public double T3Accesses { get; set; } = 2;

    [Parameter("DRAM occupancy of one near-memory update relative to a plain access (read-modify-write in the bank).", Minimum = 1, Maximum = 3)]
    public double NmcUpdateCost { get; set; } = 1.25;

    [Parameter("Share of the CUs a CU-driven communication or reduction kernel takes while it runs.", Minimum = 0.02, Maximum = 0.5)]
    public double CommCuShare { get; set; } = 0.10;

    [Parameter("GEMM efficiency lost by decomposing it into per-chunk sub-GEMMs for software overlap.", Minimum = 0, Maximum = 0.3)]
    public double DecompositionLoss { get; set; } = 0.08;

    [Parameter("Peak-to-average ratio of the GEMM's DRAM demand: a GEMM runs unimpeded only while it gets its bursts (capped at the HBM bandwidth). " +
        "Empty: fitted so the T-NLG geomean speedup matches the paper's 30% (the family's one calibration; 4 when no T-NLG cell is simulated). " +
        "A value makes it an assumption and that figure a prediction.", Minimum = 1, Maximum = 8)]
    public double? GemmBurstiness { get; set; }

    [Parameter("DRAM bandwidth lost while fair-share arbitration interleaves the GEMM's and the collective's requests (row-buffer conflicts, turnarounds).", Minimum = 0, Maximum = 0.5)]
    public double InterleavePenalty { get; set; } = 0.15;

    [Parameter("DRAM arbitration of the t3-mca variant (t3 and the CU-driven variants use fair share).")]
    public ArbitrationPolicy McaPolicy { get; set; } = ArbitrationPolicy.ComputePriority;

    [Parameter("Share of DRAM bandwidth the non-prioritised stream is guaranteed under a priority policy.", Minimum = 0, Maximum = 0.5)]
    public double McaFloor { get; set; } = 0.25;

    [Parameter("Whether the all-gather half of the all-reduce is counted in each sublayer's time.")]
    public AllGatherHandling AllGather { get; set; } = AllGatherHandling.Serial;

    [Parameter("Interior points (a Latin-hypercube sample) at which every claim is re-evaluated over its assumptions' ranges, beside the assumed values and each assumption's two extremes.", Minimum = 0, Maximum = 256)]
    public int AssumptionSamples { get; set; } = 16;

    [Parameter("Variants to report; seq is always simulated as the baseline.", MinItems = 1, MaxItems = 6, Main = true)]
    public List<Variant> Variants { get; set; } = [Variant.Seq, Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca, Variant.Ideal];

    [Parameter("Sublayer drawn in the Gantt timeline (first model, its smallest TP degree).")]
    public Sublayer GanttSublayer { get; set; } = Sublayer.Fc2;

    [Parameter("cpu-real: ranks (threads) in the ring.", Minimum = 2, Maximum = 8)]
    public int CpuRanks { get; set; } = 2;

    [Parameter("cpu-real: hidden size of the GEMM output.", Minimum = 64, Maximum = 2048)]
    public int CpuHidden { get; set; } = 512;

    [Parameter("cpu-real: tokens (output rows).", Minimum = 64, Maximum = 8192)]
    public int CpuTokens { get; set; } = 2048;

    [Parameter("cpu-real: timed repeats of each schedule; the fastest counts.", Minimum = 1, Maximum = 20)]
    public int CpuRepeats { get; set; } = 3;

    /// <summary>The TP degrees simulated for <paramref name="model"/>, ascending.</summary>
    public IReadOnlyList<int> TpDegreesFor(TransformerModel model) =>
        [.. (model is TransformerModel.Palm or TransformerModel.MtNlg && LargeModelTpDegrees.Count > 0 ? LargeModelTpDegrees : TpDegrees).Order()];
}
