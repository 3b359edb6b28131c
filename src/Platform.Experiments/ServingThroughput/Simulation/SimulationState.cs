namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>Book-keeping of a <see cref="FluidSimulator"/> run: stream heads, pending dependencies, remaining work.</summary>
internal sealed class SimulationState
{
    // An op whose remaining work is within this fraction of the step is treated as finishing in it (rounding).
    private const double FinishTolerance = 1e-9;

    private readonly IReadOnlyList<NanoOp> _ops;
    private readonly int[] _pendingDeps;
    private readonly List<int>[] _dependents;
    private readonly Dictionary<int, Queue<int>> _streams;
    private readonly HashSet<int> _busyStreams = [];
    private int _done;

    public SimulationState(IReadOnlyList<NanoOp> ops)
    {
        _ops = ops;
        _pendingDeps = new int[ops.Count];
        _dependents = new List<int>[ops.Count];
        Remaining = new double[ops.Count];
        StartTimes = new double[ops.Count];
        EndTimes = new double[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            _dependents[i] = [];
            Remaining[i] = 1;
        }

        foreach (var op in ops)
        {
            _pendingDeps[op.Id] = op.Deps.Count;
            foreach (var dep in op.Deps)
            {
                _dependents[dep].Add(op.Id);
            }
        }

        _streams = ops.GroupBy(op => op.Stream).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(op => op.Id)));
    }

    public List<int> Running { get; } = [];

    public double[] Remaining { get; }

    public double[] StartTimes { get; }

    public double[] EndTimes { get; }

    public bool AllDone => _done == _ops.Count;

    public void StartReady(double now)
    {
        foreach (var (stream, queue) in _streams)
        {
            if (!_busyStreams.Contains(stream) && queue.TryPeek(out var head) && _pendingDeps[head] == 0)
            {
                queue.Dequeue();
                _busyStreams.Add(stream);
                StartTimes[head] = now;
                Running.Add(head);
            }
        }
    }

    public void Advance(double[] rates, double step, double now)
    {
        var finished = new List<int>();
        for (var i = 0; i < Running.Count; i++)
        {
            var id = Running[i];
            Remaining[id] -= rates[i] * step;
            if (Remaining[id] <= rates[i] * step * FinishTolerance + 1e-12)
            {
                finished.Add(id);
            }
        }

        foreach (var id in finished)
        {
            Remaining[id] = 0;
            EndTimes[id] = now;
            Running.Remove(id);
            _busyStreams.Remove(_ops[id].Stream);
            _done++;
            foreach (var dependent in _dependents[id])
            {
                _pendingDeps[dependent]--;
            }
        }
    }
}
