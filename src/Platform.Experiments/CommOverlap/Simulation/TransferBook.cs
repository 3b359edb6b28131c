namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// The tracker's view of one device: when each output block was produced, and for each reduce-scatter transfer
/// when its region became complete (local block written and, after step 1, the incoming partial added), when it
/// may start (complete plus the trigger latency), started and arrived. Block b of step j has index (j − 1)·g + b.
/// </summary>
internal sealed class TransferBook
{
    private readonly int _devices;
    private readonly int _blocks;
    private readonly double _latency;
    private readonly double[] _local;
    private readonly double[] _complete;
    private readonly double[] _start;
    private readonly double[] _end;

    // Complete transfers not yet started, earliest start first (ties by index, so the order is deterministic).
    private readonly PriorityQueue<int, (double Ready, int Index)> _waiting = new();

    public TransferBook(int devices, int blocksPerChunk, double latency)
    {
        _devices = devices;
        _blocks = blocksPerChunk;
        _latency = latency;
        _local = Filled(devices * blocksPerChunk);
        var transfers = (devices - 1) * blocksPerChunk;
        _complete = Filled(transfers);
        _start = Filled(transfers);
        _end = Filled(transfers);
    }

    public int Finished { get; private set; }

    public void LocalDone(int block, double time)
    {
        _local[block] = time;
        Resolve(block);
    }

    public void Start(int transfer, double time)
    {
        if (_waiting.Dequeue() != transfer)
            throw new InvalidOperationException("Only the earliest-ready transfer may start.");
        _start[transfer] = time;
    }

    public void Arrived(int transfer, double time)
    {
        _end[transfer] = time;
        Finished++;
        Resolve(transfer + _blocks);
    }

    /// <summary>The earliest-ready transfer not yet started whose start time is at most <paramref name="limit"/>.</summary>
    public int? NextReady(double limit) =>
        _waiting.TryPeek(out var transfer, out var key) && key.Ready <= limit ? transfer : null;

    public double? NextReadyTime() => _waiting.TryPeek(out _, out var key) ? key.Ready : null;

    /// <summary>When the device's own chunk is fully reduced: its last local block and the last incoming partial.</summary>
    public double LastArrival()
    {
        var last = 0.0;
        var lastStep = (_devices - 1) * _blocks;
        for (var b = 0; b < _blocks; b++)
        {
            last = Math.Max(last, Math.Max(_local[lastStep + b], _end[lastStep - _blocks + b]));
        }
        return last;
    }

    public IReadOnlyList<TransferSpan> Spans(int devices) =>
        [.. Enumerable.Range(0, _complete.Length).Select(i => new TransferSpan(
            _complete[i], _start[i], _end[i], (i / _blocks) + 1, RingCollective.ChunkSentAt(0, (i / _blocks) + 1, devices), i % _blocks))];

    private double Ready(int transfer) => _complete[transfer] + _latency;

    private void Resolve(int transfer)
    {
        if (transfer >= _complete.Length || double.IsNaN(_local[transfer]))
            return;
        var previous = transfer >= _blocks ? _end[transfer - _blocks] : 0;
        if (double.IsNaN(previous))
            return;
        _complete[transfer] = Math.Max(_local[transfer], previous);
        _waiting.Enqueue(transfer, (Ready(transfer), transfer));
    }

    private static double[] Filled(int length)
    {
        var array = new double[length];
        Array.Fill(array, double.NaN);
        return array;
    }
}
