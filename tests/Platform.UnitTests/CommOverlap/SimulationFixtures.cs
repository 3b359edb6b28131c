using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.UnitTests.CommOverlap;

internal static class SimulationFixtures
{
    public static SimulationSettings Settings(GpuSpec gpu, double stepLatency = 5e-6, double triggerLatency = 1e-6,
        AllGatherHandling allGather = AllGatherHandling.Serial, double loss = 0.08) =>
        SimulationSettings.From(new CommOverlapParameters()) with
        {
            Gpu = gpu,
            StepLatency = stepLatency,
            TriggerLatency = triggerLatency,
            AllGather = allGather,
            DecompositionLoss = loss,
        };

    public static CellResult Simulate(CellShape shape, SimulationSettings settings) =>
        CellSimulator.Simulate(TransformerModel.Custom, Sublayer.Fc2, shape, settings);
}
