using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>
/// The structures the search may choose: up to <see cref="MaxNanoBatches"/> nano-batches whose sizes are multiples of
/// <see cref="Granularity"/> tokens, KQV cut into one or two nano-ops each, a collective variant pattern, and (stage II)
/// the SM shares of decode attention and collectives, starting from the given defaults.
/// </summary>
public sealed record SearchSpace(int DenseBatch, int MaxNanoBatches, int Granularity, bool HasNetwork, double GemvShare, double NetShare, long Seed)
{
    /// <summary>Where the search starts, so it never answers worse: one nano-batch on one stream, and the authors' hand-tuned pipeline.</summary>
    public IReadOnlyList<PipelineShape> Starts =>
        [PipelineShape.Sequential(DenseBatch), FixedPipelines.NanoflowFixed(DenseBatch, HasNetwork, Granularity, GemvShare, NetShare)];
}
