using System.Diagnostics;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>
/// NanoFlow's automatic parameter search, with the simulator as its objective instead of the paper's MILPs (the authors'
/// search code is not public). It first simulates its starting points (<see cref="SearchSpace.Starts"/>: the sequential
/// pipeline and the authors' hand-tuned one); stage I scores structures at the default shares; stage II tunes the
/// decode-attention and collective SM shares of the best few (<see cref="ShareDescent"/>). The best so far only ever
/// gives way to a faster candidate, so the result is never worse than a starting point. Every improvement is reported.
/// </summary>
public sealed class PipelineSearch(IterationSimulator simulator, SearchSpace space)
{
    private const int StageTwoStructures = 3;
    private const double StageOneShare = 0.8;

    private readonly List<(int Index, IterationResult Result)> _unreported = [];
    private IterationResult? _best;
    private int _candidates;

    public async Task<SearchOutcome> RunAsync(SearchBudget budget, Func<int, IterationResult, ValueTask> onImprovement, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var starts = space.Starts.Select(start => Try(start, cancellationToken)).ToList();

        var stageOneLimit = Math.Max(1, (int)(budget.MaxCandidates * StageOneShare));
        var scored = new List<IterationResult>();
        foreach (var shape in StructureEnumerator.Enumerate(space, stageOneLimit))
        {
            if (_candidates >= stageOneLimit || clock.Elapsed > budget.MaxTime * StageOneShare)
            {
                break;
            }

            scored.Add(Try(shape, cancellationToken));
            await ReportAsync(onImprovement);
        }

        var descent = new ShareDescent(space.HasNetwork);
        foreach (var start in scored.Concat(starts).OrderBy(r => r.IterationUs).Take(StageTwoStructures))
        {
            descent.Descend(start, shape =>
                _candidates >= budget.MaxCandidates || clock.Elapsed > budget.MaxTime ? null : Try(shape, cancellationToken));
            await ReportAsync(onImprovement);
        }

        await ReportAsync(onImprovement);
        return new SearchOutcome(_best!, _candidates, scored.Count, clock.Elapsed);
    }

    private IterationResult Try(PipelineShape shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = simulator.Simulate(shape);
        _candidates++;
        if (_best is null || result.IterationUs < _best.IterationUs)
        {
            _best = result;
            _unreported.Add((_candidates, result));
        }

        return result;
    }

    private async ValueTask ReportAsync(Func<int, IterationResult, ValueTask> onImprovement)
    {
        foreach (var (index, result) in _unreported)
        {
            await onImprovement(index, result);
        }

        _unreported.Clear();
    }
}
