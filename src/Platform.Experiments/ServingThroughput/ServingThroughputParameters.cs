using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput;

/// <summary>
/// Knobs of the three modes. One constant is calibrated (<see cref="ComputeEfficiency"/>, fitted to the paper's LLaMA-2-70B
/// optimum); the simulator's other constants are assumptions with declared ranges (ServingThroughputParameters.Calibration.cs).
/// </summary>
public sealed partial class ServingThroughputParameters
{
    [Parameter("cost-model: the analytical model; simulate: the per-engine pipeline simulation (includes the cost model); cpu-real: a tiny decoder served on this CPU.", Main = true)]
    public ServingMode Mode { get; set; } = ServingMode.Simulate;

    [Parameter("Model whose shapes are served (custom: use the custom* fields; catalog: the catalogue entry named in catalogModel).", Choices = ["llama-2-70b", "llama-3-70b", "qwen2-72b", "deepseek-67b", "mixtral-8x7b", "llama-3-8b", "custom", "catalog"], Main = true)]
    public string Model { get; set; } = "llama-2-70b";

    [Parameter("Custom model: hidden size.", Minimum = 64, Maximum = 32768, When = "model=custom")]
    public int CustomHidden { get; set; } = 4096;

    [Parameter("Custom model: layers.", Minimum = 1, Maximum = 256, When = "model=custom")]
    public int CustomLayers { get; set; } = 32;

    [Parameter("Custom model: query heads.", Minimum = 1, Maximum = 256, When = "model=custom")]
    public int CustomHeads { get; set; } = 32;

    [Parameter("Custom model: KV heads (GQA).", Minimum = 1, Maximum = 256, When = "model=custom")]
    public int CustomKvHeads { get; set; } = 8;

    [Parameter("Custom model: FFN width per expert.", Minimum = 64, Maximum = 131072, When = "model=custom")]
    public int CustomFfn { get; set; } = 14336;

    [Parameter("Custom model: vocabulary size.", Minimum = 256, Maximum = 1048576, When = "model=custom")]
    public int CustomVocab { get; set; } = 32000;

    [Parameter("Custom model: FFN experts (1 = dense).", Minimum = 1, Maximum = 256, When = "model=custom")]
    public int CustomExperts { get; set; } = 1;

    [Parameter("Custom model: experts each token uses.", Minimum = 1, Maximum = 256, When = "model=custom")]
    public int CustomTopK { get; set; } = 1;

    [Parameter("GPU (custom: use the custom* fields; catalog: the catalogue entry named in catalogGpu).", Choices = ["a100-80g", "a100-40g", "h100", "h200", "custom", "catalog"], Main = true)]
    public string Gpu { get; set; } = "a100-80g";

    [Parameter("Custom GPU: dense FP16 TFLOP/s (spec).", Minimum = 1, Maximum = 100000, When = "gpu=custom")]
    public double CustomTflops { get; set; } = 312;

    [Parameter("Custom GPU: HBM bandwidth, TB/s.", Minimum = 0.01, Maximum = 100, When = "gpu=custom")]
    public double CustomMemBandwidthTBps { get; set; } = 2.039;

    [Parameter("Custom GPU: memory, GB.", Minimum = 1, Maximum = 10000, When = "gpu=custom")]
    public double CustomMemoryGB { get; set; } = 80;

    [Parameter("Custom GPU: interconnect bandwidth per GPU and direction, GB/s.", Minimum = 1, Maximum = 100000, When = "gpu=custom")]
    public double CustomLinkGBps { get; set; } = 300;

    [Parameter("Hardware catalogue whose models and GPUs extend the built-in ones (an entry of the same name replaces the built-in one).", Dataset = [HardwareCatalogDataset.Format])]
    public Guid? Catalog { get; set; }

    [Parameter("model = catalog: the name of a model in the catalogue (the uploaded one, else the built-in).", MaxLength = CatalogEntryReader.MaxNameLength)]
    public string? CatalogModel { get; set; }

    [Parameter("gpu = catalog: the name of a GPU in the catalogue (the uploaded one, else the built-in).", MaxLength = CatalogEntryReader.MaxNameLength)]
    public string? CatalogGpu { get; set; }

    [Parameter("GPUs in the tensor-parallel group (1, 2, 4 or 8; must divide the KV heads).", Minimum = 1, Maximum = 8, Main = true)]
    public int TensorParallel { get; set; } = 8;

    [Parameter("Calibration: measured-GEMM peak as a fraction of spec FLOP/s; the default is fitted so that Eq. 5 gives the paper's 1857 tokens/s/GPU for LLaMA-2-70B on A100-80G.", Minimum = 0.5, Maximum = 1.0)]
    public double ComputeEfficiency { get; set; } = ComputeCalibration.Fitted;

    [Parameter("Bytes per weight/activation element (2 = FP16).", Minimum = 1, Maximum = 2)]
    public int BytesPerElement { get; set; } = 2;

    [Parameter("Workload: constant lengths, the mean lengths of a paper trace, or an uploaded trace CSV.", Choices = ["constant", "splitwise", "lmsys", "sharegpt", "upload"], Main = true)]
    public string Workload { get; set; } = WorkloadCatalog.Constant;

    [Parameter("Constant workload: prompt (prefill) tokens per request.", Minimum = 1, Maximum = 32768, When = "workload=constant")]
    public int PromptTokens { get; set; } = 1024;

    [Parameter("Constant workload: output (decode) tokens per request.", Minimum = 1, Maximum = 8192, When = "workload=constant")]
    public int OutputTokens { get; set; } = 512;

    [Parameter("Uploaded trace (workload = upload): CSV with columns ContextTokens and GeneratedTokens.", MaxLength = 4_000_000, Upload = true, When = "workload=upload")]
    public string? TraceCsv { get; set; }

    [Parameter("Dense batch: tokens per iteration (decode + chunked prefill); 0 = the largest the KV cache allows.", Minimum = 0, Maximum = 16384)]
    public int DenseBatch { get; set; } = 2048;

    [Parameter("Engines to simulate.", MinItems = 1, MaxItems = 4, Main = true, When = "mode=simulate")]
    public List<EngineKind> Engines { get; set; } = [EngineKind.Sequential, EngineKind.NanobatchOnly, EngineKind.NanoflowFixed, EngineKind.NanoflowSearch];

    [Parameter("Search: most nano-batches per layer.", Minimum = 1, Maximum = 4, When = "mode=simulate")]
    public int MaxNanoBatches { get; set; } = 4;

    [Parameter("Search: nano-batch size granularity, tokens.", Minimum = 16, Maximum = 512, When = "mode=simulate")]
    public int NanoBatchGranularity { get; set; } = 128;

    [Parameter("SM share of decode attention in the fixed pipeline and the search's start.", Minimum = 0.05, Maximum = 0.9, When = "mode=simulate")]
    public double GemvShare { get; set; } = 0.4;

    [Parameter("SM share of collectives in the fixed pipeline and the search's start.", Minimum = 0.05, Maximum = 0.9, When = "mode=simulate")]
    public double NetShare { get; set; } = 0.15;

    [Parameter("Search budget: candidate pipelines simulated.", Minimum = 10, Maximum = 100000, When = "mode=simulate")]
    public int SearchCandidates { get; set; } = 2000;

    [Parameter("Search budget: wall time, ms.", Minimum = 100, Maximum = 60000, When = "mode=simulate")]
    public int SearchMilliseconds { get; set; } = 3000;
}
