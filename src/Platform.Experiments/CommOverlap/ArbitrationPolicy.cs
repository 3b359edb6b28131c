namespace Platform.Experiments.CommOverlap;

/// <summary>How the memory controller splits DRAM bandwidth when the GEMM and the collective together ask for more than it has.</summary>
public enum ArbitrationPolicy
{
    FairShare,
    ComputePriority,
    CommPriority,
}
