using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>
/// Stage II of the search (NanoFlow §4.1, by coordinate descent instead of a MILP): with the structure fixed, moves the SM
/// shares of decode attention and of the collectives one grid step at a time and keeps whatever shortens the iteration.
/// It only ever replaces its best by a faster candidate, so it never returns worse than where it started.
/// </summary>
public sealed class ShareDescent(bool hasNetwork)
{
    private const int MaxRounds = 3;
    private const double MaxFixedShares = 0.95;
    private static readonly double[] s_gemvShares = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    private static readonly double[] s_netShares = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];

    /// <summary>
    /// Descends from <paramref name="start"/>; <paramref name="evaluate"/> simulates a candidate, or answers null once the
    /// caller's budget is spent (the descent then stops with what it has).
    /// </summary>
    public IterationResult Descend(IterationResult start, Func<PipelineShape, IterationResult?> evaluate)
    {
        var best = start;
        if (!start.Shape.Overlap)
        {
            return best;
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var improved = false;
            foreach (var candidate in Neighbours(best.Shape))
            {
                if (evaluate(candidate) is not { } result)
                {
                    return best;
                }

                if (result.IterationUs < best.IterationUs)
                {
                    (best, improved) = (result, true);
                }
            }

            if (!improved)
            {
                return best;
            }
        }

        return best;
    }

    /// <summary>Every shape one share away: all decode-attention shares, then all collective shares, that fit beside the other.</summary>
    private List<PipelineShape> Neighbours(PipelineShape shape)
    {
        var neighbours = s_gemvShares.Where(g => g + shape.NetShare <= MaxFixedShares && g != shape.GemvShare)
            .Select(g => shape with { GemvShare = g }).ToList();
        if (hasNetwork)
        {
            neighbours.AddRange(s_netShares.Where(n => n + shape.GemvShare <= MaxFixedShares && n != shape.NetShare)
                .Select(n => shape with { NetShare = n }));
        }

        return neighbours;
    }
}
