using Platform.Experiments.Contract;

namespace Platform.Experiments.ServingThroughput;

/// <summary>Knobs of the cpu-real mode: the tiny decoder, its workload and the measurement.</summary>
public sealed partial class ServingThroughputParameters
{
    [Parameter("cpu-real: model width.", Minimum = 64, Maximum = 1024, When = "mode=cpu-real")]
    public int CpuModelDim { get; set; } = 256;

    [Parameter("cpu-real: decoder layers.", Minimum = 1, Maximum = 12, When = "mode=cpu-real")]
    public int CpuLayers { get; set; } = 4;

    [Parameter("cpu-real: query heads.", Minimum = 1, Maximum = 16, When = "mode=cpu-real")]
    public int CpuHeads { get; set; } = 8;

    [Parameter("cpu-real: KV heads (must divide the query heads).", Minimum = 1, Maximum = 16, When = "mode=cpu-real")]
    public int CpuKvHeads { get; set; } = 2;

    [Parameter("cpu-real: FFN width.", Minimum = 16, Maximum = 4096, When = "mode=cpu-real")]
    public int CpuFfn { get; set; } = 688;

    [Parameter("cpu-real: token budget per iteration (decode tokens plus chunked prefill).", Minimum = 8, Maximum = 1024, When = "mode=cpu-real")]
    public int TokenBudget { get; set; } = 128;

    [Parameter("cpu-real: requests served per measured run.", Minimum = 1, Maximum = 10000, When = "mode=cpu-real")]
    public int Requests { get; set; } = 128;

    [Parameter("cpu-real: prompt tokens per request.", Minimum = 1, Maximum = 480, When = "mode=cpu-real")]
    public int CpuPromptTokens { get; set; } = 64;

    [Parameter("cpu-real: output tokens per request.", Minimum = 1, Maximum = 480, When = "mode=cpu-real")]
    public int CpuOutputTokens { get; set; } = 64;

    [Parameter("cpu-real: compute threads; 0 uses the worker's share of the cores.", Minimum = 0, Maximum = 64, When = "mode=cpu-real")]
    public int Threads { get; set; }

    [Parameter("cpu-real: measured repetitions of each schedule (for the confidence interval).", Minimum = 1, Maximum = 50, When = "mode=cpu-real")]
    public int Repetitions { get; set; } = 5;
}
