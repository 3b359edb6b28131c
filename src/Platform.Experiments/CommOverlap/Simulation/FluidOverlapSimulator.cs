namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// Event-driven fluid model of one device of the ring, for every variant but the closed-form ideal (every device does the same work shifted by one chunk, so
/// what it receives is what it sends). The GEMM produces its output block by block in the staggered ring order;
/// a transfer starts once its block is produced (for the serialized baseline: once the whole GEMM is) and, after
/// the first step, once the partial it adds to has arrived; the link sends one block at a time. Between events all rates are constant: the GEMM runs at the
/// slower of its compute rate (minus CUs a communication kernel takes) and the DRAM bandwidth the arbiter grants it.
/// </summary>
public sealed class FluidOverlapSimulator
{
    private const double Epsilon = 1e-15;

    private readonly CellShape _shape;
    private readonly VariantBehaviour _behaviour;
    private readonly double _gemmCompute;
    private readonly double _dramCapacity;
    private readonly double _link;
    private readonly double _burstiness;
    private readonly double _interleavePenalty;
    private readonly int _blocks;
    private readonly int _transferCount;
    private readonly double _blockBytes;
    private readonly TransferBook _book;
    private readonly List<BlockSpan> _gemmBlocks = [];
    private readonly List<BandwidthSegment> _bandwidth = [];

    private double _time;
    private double _progress;
    private int _nextBlock;
    private double _blockStart;
    private int _current = -1;
    private double _remaining;
    private double _gemmDramBytes;
    private double _collectiveDramBytes;

    public FluidOverlapSimulator(CellShape shape, VariantBehaviour behaviour, SimulationSettings settings)
    {
        _shape = shape;
        _behaviour = behaviour;
        _gemmCompute = shape.Flops / settings.Gpu.EffectiveFlops * behaviour.GemmTimeScale;
        _dramCapacity = settings.Gpu.HbmBytesPerSecond;
        _link = settings.Gpu.LinkBytesPerSecond;
        _burstiness = settings.GemmBurstiness;
        _interleavePenalty = settings.InterleavePenalty;
        _blocks = shape.Tp * behaviour.BlocksPerChunk;
        _transferCount = (shape.Tp - 1) * behaviour.BlocksPerChunk;
        _blockBytes = shape.ChunkBytes / behaviour.BlocksPerChunk;
        _book = new TransferBook(shape.Tp, behaviour.BlocksPerChunk, behaviour.TransferLatency);
    }

    public static OverlapTrace Run(CellShape shape, VariantBehaviour behaviour, SimulationSettings settings) =>
        new FluidOverlapSimulator(shape, behaviour, settings).Run();

    private OverlapTrace Run()
    {
        while (_nextBlock < _blocks || _book.Finished < _transferCount)
        {
            if (_current < 0 && _book.NextReady(_time + Epsilon) is { } ready)
            {
                _current = ready;
                _remaining = _blockBytes;
                _book.Start(ready, _time);
            }

            Advance();
        }

        var end = Math.Max(_gemmBlocks[^1].End, _book.LastArrival());
        return new OverlapTrace(_gemmBlocks[^1].End, end, _gemmDramBytes, _collectiveDramBytes, _gemmBlocks, _book.Spans(_shape.Tp), _bandwidth);
    }

    // Fine-grained interleaving of two streams costs row-buffer hits and read/write turnarounds; a priority
    // arbiter serves its favoured stream in batches and keeps the full bandwidth.
    private double SharedCapacity(bool bothActive) =>
        bothActive && _behaviour.Policy == ArbitrationPolicy.FairShare ? _dramCapacity * (1 - _interleavePenalty) : _dramCapacity;

    private void Advance()
    {
        var gemmActive = _nextBlock < _blocks;
        var commActive = _current >= 0;
        var computeRate = gemmActive ? (1 - (commActive ? _behaviour.CuSteal : 0)) / _gemmCompute : 0;
        // The GEMM's traffic comes in bursts: it runs at full speed only while it is granted its burst demand.
        var burstDemand = Math.Min(_dramCapacity, computeRate * _shape.GemmBytes * _burstiness);
        var commDemand = commActive ? _link * _behaviour.DramOccupancyPerByte : 0;
        var (gemmBw, commBw) = DramArbiter.Allocate(_behaviour.Policy, _behaviour.Floor,
            burstDemand, commDemand, SharedCapacity(gemmActive && commActive));
        var standaloneRate = Math.Min(computeRate, _dramCapacity / _shape.GemmBytes);
        var gemmRate = gemmActive ? standaloneRate * Math.Min(1, gemmBw / burstDemand) : 0;
        var linkRate = commActive ? Math.Min(_link, commBw / _behaviour.DramOccupancyPerByte) : 0;

        var target = (double)(_nextBlock + 1) / _blocks;
        var dt = double.PositiveInfinity;
        if (gemmActive && gemmRate > 0) dt = Math.Min(dt, (target - _progress) / gemmRate);
        if (commActive && linkRate > 0) dt = Math.Min(dt, _remaining / linkRate);
        if (!commActive && _book.NextReadyTime() is { } next) dt = Math.Min(dt, Math.Max(0, next - _time));
        if (double.IsPositiveInfinity(dt))
        {
            throw new InvalidOperationException("The simulation stalled: no stream can make progress.");
        }

        _bandwidth.Add(new BandwidthSegment(_time, _time + dt, gemmRate * _shape.GemmBytes, linkRate * _behaviour.DramOccupancyPerByte));
        _time += dt;
        _progress += gemmRate * dt;
        _remaining -= linkRate * dt;
        // The traffic the simulation moved: the GEMM's bytes in proportion to its progress, the collective's DRAM
        // accesses for every byte that crossed the link.
        _gemmDramBytes += gemmRate * dt * _shape.GemmBytes;
        _collectiveDramBytes += linkRate * dt * _behaviour.DramAccessesPerByte;

        if (gemmActive && _progress >= target * (1 - 1e-12))
        {
            _progress = target;
            var chunkIndex = _nextBlock / _behaviour.BlocksPerChunk;
            _gemmBlocks.Add(new BlockSpan(_blockStart, _time, RingCollective.ChunkSentAt(0, chunkIndex + 1, _shape.Tp), _nextBlock % _behaviour.BlocksPerChunk));
            if (!_behaviour.StartsAfterGemm)
            {
                _book.LocalDone(_nextBlock, _time);
            }
            else if (_nextBlock == _blocks - 1)
            {
                for (var block = 0; block < _blocks; block++)
                    _book.LocalDone(block, _time);
            }

            _blockStart = _time;
            _nextBlock++;
        }

        if (commActive && _remaining <= _blockBytes * 1e-12)
        {
            _book.Arrived(_current, _time);
            _current = -1;
        }
    }
}
