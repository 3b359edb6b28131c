using System.Diagnostics;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>
/// NanoFlow's automatic parameter search, with the simulator as its objective instead of the paper's MILPs (the authors'
/// search code is not public). Stage I scores structures at the default shares; stage II tunes the decode-attention and
/// collective SM shares of the best few by coordinate descent. The sequential pipeline is in the space, so the result is
/// never worse than it. Every improvement is reported as it happens.
/// </summary>
public sealed class PipelineSearch(IterationSimulator simulator, SearchSpace space)
{
    private const int StageTwoStructures = 3;
    private const double StageOneShare = 0.8;
    private const int MaxDescentRounds = 3;
    private static readonly double[] s_gemvShares = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    private static readonly double[] s_netShares = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];

    private IterationResult? _best;
    private int _candidates;

    public async Task<SearchOutcome> RunAsync(SearchBudget budget, Func<int, IterationResult, ValueTask> onImprovement, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await TryAsync(PipelineShape.Sequential(space.DenseBatch), onImprovement, cancellationToken);

        var stageOneLimit = Math.Max(1, (int)(budget.MaxCandidates * StageOneShare));
        var scored = new List<IterationResult>();
        foreach (var shape in StructureEnumerator.Enumerate(space, stageOneLimit))
        {
            if (_candidates >= stageOneLimit || clock.Elapsed > budget.MaxTime * StageOneShare)
            {
                break;
            }
            scored.Add(await TryAsync(shape, onImprovement, cancellationToken));
        }

        var structures = scored.Count;
        foreach (var start in scored.OrderBy(r => r.IterationUs).Take(StageTwoStructures))
        {
            await DescendAsync(start, budget, clock, onImprovement, cancellationToken);
        }

        return new SearchOutcome(_best!, _candidates, structures, clock.Elapsed);
    }

    private async Task DescendAsync(IterationResult start, SearchBudget budget, Stopwatch clock,
        Func<int, IterationResult, ValueTask> onImprovement, CancellationToken cancellationToken)
    {
        var current = start.Shape;
        var currentUs = start.IterationUs;
        for (var round = 0; round < MaxDescentRounds; round++)
        {
            var improved = false;
            foreach (var candidate in Neighbours(current))
            {
                if (_candidates >= budget.MaxCandidates || clock.Elapsed > budget.MaxTime)
                {
                    return;
                }

                var result = await TryAsync(candidate, onImprovement, cancellationToken);
                if (result.IterationUs < currentUs)
                {
                    (current, currentUs, improved) = (candidate, result.IterationUs, true);
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    private IEnumerable<PipelineShape> Neighbours(PipelineShape shape)
    {
        foreach (var gemv in s_gemvShares.Where(g => g + shape.NetShare <= 0.95 && g != shape.GemvShare))
        {
            yield return shape with { GemvShare = gemv };
        }

        if (!space.HasNetwork)
        {
            yield break;
        }

        foreach (var net in s_netShares.Where(n => n + shape.GemvShare <= 0.95 && n != shape.NetShare))
        {
            yield return shape with { NetShare = net };
        }
    }

    private async ValueTask<IterationResult> TryAsync(PipelineShape shape, Func<int, IterationResult, ValueTask> onImprovement, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = simulator.Simulate(shape);
        _candidates++;
        if (_best is null || result.IterationUs < _best.IterationUs)
        {
            _best = result;
            await onImprovement(_candidates, result);
        }
        return result;
    }
}
