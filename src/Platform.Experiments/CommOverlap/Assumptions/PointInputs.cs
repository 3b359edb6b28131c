using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Assumptions;

/// <summary>The simulation's inputs at one point of the assumption design: the run's settings with every assumption set to the point's value.</summary>
internal static class PointInputs
{
    public static (SimulationSettings Settings, Workload Workload) Apply(AssumptionPoint point, SimulationSettings s, Workload w)
    {
        var settings = s with
        {
            Gpu = s.Gpu with
            {
                LinkGbps = point[AssumedConstants.LinkGbps],
                HbmTbps = point[AssumedConstants.HbmTbps],
                GemmEfficiency = point[AssumedConstants.GemmEfficiency],
            },
            StepLatency = point[AssumedConstants.StepLatencyUs] * 1e-6,
            TriggerLatency = point[AssumedConstants.TriggerLatencyUs] * 1e-6,
            TrackerBlocks = (int)Math.Round(point[AssumedConstants.TrackerBlocks]),
            BaselineAccesses = point[AssumedConstants.BaselineAccesses],
            T3Accesses = point[AssumedConstants.T3Accesses],
            NmcUpdateCost = point[AssumedConstants.NmcUpdateCost],
            CommCuShare = point[AssumedConstants.CommCuShare],
            DecompositionLoss = point[AssumedConstants.DecompositionLoss],
            InterleavePenalty = point[AssumedConstants.InterleavePenalty],
            McaFloor = point[AssumedConstants.McaFloor],
            GemmBurstiness = point.Values.TryGetValue(AssumedConstants.GemmBurstiness, out var burstiness) ? burstiness : s.GemmBurstiness,
        };
        var workload = w with
        {
            Tokens = (int)Math.Round(point[AssumedConstants.Tokens]),
            Tile = (int)Math.Round(point[AssumedConstants.GemmTile]),
            L2Reuse = point[AssumedConstants.L2Reuse],
        };
        return (settings, workload);
    }
}
