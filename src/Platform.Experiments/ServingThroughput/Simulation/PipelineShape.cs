namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The structure and resource shares of one engine's per-layer pipeline: nano-batch sizes (tokens, in order, decode
/// tokens first), how many KQV/attention nano-ops each nano-batch is cut into, the collective variant per nano-batch,
/// whether ops run on separate streams (overlap) or one, and the SM shares of decode attention and collectives.
/// </summary>
public sealed record PipelineShape(
    IReadOnlyList<int> NanoBatches,
    int KqvSplits,
    IReadOnlyList<CollectiveVariant> Variants,
    bool Overlap,
    double GemvShare,
    double NetShare)
{
    public int DenseBatch => NanoBatches.Sum();

    public static PipelineShape Sequential(int denseBatch) =>
        new([denseBatch], 1, [CollectiveVariant.AllReduce], Overlap: false, GemvShare: 1, NetShare: 1);

    public string Describe()
    {
        var variants = string.Join("/", Variants.Select(v => v == CollectiveVariant.AllReduce ? "AR" : "AG"));
        var streams = Overlap ? $"overlapped, GEMV share {GemvShare:0.00}, net share {NetShare:0.00}" : "one stream";
        return $"nano-batches [{string.Join(", ", NanoBatches)}], KQV x{KqvSplits}, {variants}, {streams}";
    }
}
