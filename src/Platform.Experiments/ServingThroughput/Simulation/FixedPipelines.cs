namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The authors' hand-tuned pipelines (efeslab/Nanoflow, pipeline/config_all): two nano-batches of 640 + 1408 of 2048
/// tokens on 70B models with the first combined by all-gather and the second by all-reduce, and 384 + 640 of 1024 on
/// LLaMA-3-8B on one GPU. Their KQV is cut into four nano-ops of uneven sizes; here each nano-batch's KQV is halved.
/// Other batch sizes keep the same proportion, rounded to the granularity.
/// </summary>
public static class FixedPipelines
{
    private const double MultiGpuFirstShare = 640.0 / 2048;
    private const double SingleGpuFirstShare = 384.0 / 1024;

    public static PipelineShape NanoflowFixed(int denseBatch, int gpus, int granularity, double gemvShare, double netShare) =>
        NanoflowFixed(denseBatch, gpus > 1, granularity, gemvShare, netShare);

    /// <summary>The pipeline of the tensor-parallel configs when <paramref name="multiGpu"/>, else the single-GPU one.</summary>
    public static PipelineShape NanoflowFixed(int denseBatch, bool multiGpu, int granularity, double gemvShare, double netShare)
    {
        var share = multiGpu ? MultiGpuFirstShare : SingleGpuFirstShare;
        var unit = Math.Min(granularity, Math.Max(1, denseBatch / 2));
        var first = (int)Math.Round(denseBatch * share / unit) * unit;
        first = Math.Clamp(first, unit, Math.Max(unit, denseBatch - unit));
        if (denseBatch < 2)
        {
            return PipelineShape.Sequential(denseBatch) with { Overlap = true, GemvShare = gemvShare, NetShare = netShare };
        }

        return new PipelineShape([first, denseBatch - first], 2, [CollectiveVariant.AllGather, CollectiveVariant.AllReduce],
            Overlap: true, gemvShare, netShare);
    }

    public static PipelineShape NanobatchOnly(int denseBatch, int gpus, int granularity) =>
        NanoflowFixed(denseBatch, gpus, granularity, 1, 1) with { Overlap = false };
}
