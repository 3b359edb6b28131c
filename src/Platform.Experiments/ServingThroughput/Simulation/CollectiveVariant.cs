namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// How a nano-batch's attention output is combined across the tensor-parallel group: O (row-parallel) then an
/// all-reduce, or all-gather, O (column-parallel), all-gather. Same bytes, but split in two pieces that can hide under
/// different GEMMs (the network-op transformation read from the authors' pipeline).
/// </summary>
public enum CollectiveVariant
{
    AllReduce,
    AllGather,
}
