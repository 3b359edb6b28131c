using Platform.Experiments.CommOverlap.Hardware;

namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>The simulator's inputs other than the cell's shape, in SI units (seconds, bytes/s).</summary>
public sealed record SimulationSettings(
    GpuSpec Gpu,
    double StepLatency,
    double TriggerLatency,
    int TrackerBlocks,
    double BaselineAccesses,
    double T3Accesses,
    double NmcUpdateCost,
    double CommCuShare,
    double DecompositionLoss,
    double GemmBurstiness,
    double InterleavePenalty,
    ArbitrationPolicy McaPolicy,
    double McaFloor,
    AllGatherHandling AllGather)
{
    /// <summary>The burstiness used when it is neither set by the run nor fitted (a run without T-NLG cells).</summary>
    public const double DefaultGemmBurstiness = 4;

    public static SimulationSettings From(CommOverlapParameters p) => new(
        p.ResolveGpu(),
        p.StepLatencyUs * 1e-6,
        p.TriggerLatencyUs * 1e-6,
        p.TrackerBlocks,
        p.BaselineAccesses,
        p.T3Accesses,
        p.NmcUpdateCost,
        p.CommCuShare,
        p.DecompositionLoss,
        p.GemmBurstiness ?? DefaultGemmBurstiness,
        p.InterleavePenalty,
        p.McaPolicy,
        p.McaFloor,
        p.AllGather);
}
