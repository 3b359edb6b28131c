namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// What one variant did over time on the simulated device; times in seconds. <see cref="GemmDramBytes"/> and
/// <see cref="CollectiveDramBytes"/> are the DRAM bytes the simulation moved for the GEMM and for the reduce-scatter,
/// summed over its intervals.
/// </summary>
public sealed record OverlapTrace(
    double GemmEnd,
    double ReduceScatterEnd,
    double GemmDramBytes,
    double CollectiveDramBytes,
    IReadOnlyList<BlockSpan> GemmBlocks,
    IReadOnlyList<TransferSpan> Transfers,
    IReadOnlyList<BandwidthSegment> Bandwidth);

/// <summary>The GEMM producing one tracked block of output <paramref name="Chunk"/>.</summary>
public sealed record BlockSpan(double Start, double End, int Chunk, int Block);

/// <summary>
/// One transfer of reduce-scatter <paramref name="Step"/> (1-based): the tracker saw its region complete at
/// <paramref name="Complete"/>, the link sent it from <paramref name="Start"/> to <paramref name="End"/>. By ring
/// symmetry the device receives (and reduces) its predecessor's identical transfer over the same span.
/// </summary>
public sealed record TransferSpan(double Complete, double Start, double End, int Step, int Chunk, int Block);

/// <summary>DRAM bandwidth (bytes/s) the GEMM and the collective used over one interval.</summary>
public sealed record BandwidthSegment(double Start, double End, double Gemm, double Comm);
