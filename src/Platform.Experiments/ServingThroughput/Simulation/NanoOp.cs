namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// One nano-operation of the simulated pipeline. <see cref="SoloUs"/> is its interference-free duration; the demands are
/// the fractions of peak compute, HBM bandwidth and link bandwidth it uses while running at that speed.
/// <see cref="Share"/> is the SM share a memory or network op is launched with (ignored for compute ops).
/// </summary>
public sealed record NanoOp(
    int Id,
    string Name,
    int Layer,
    int NanoBatch,
    OpClass Class,
    int Stream,
    IReadOnlyList<int> Deps,
    double SoloUs,
    double Share,
    double ComputeDemand,
    double MemoryDemand,
    double NetworkDemand);
