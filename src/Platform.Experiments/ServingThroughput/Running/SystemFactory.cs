using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>Builds the modelled system, calibration and interference curves from the parameters.</summary>
internal static class SystemFactory
{
    public static ServingSystem System(ServingThroughputParameters p) =>
        new(p.ResolveModel(), p.ResolveGpu(), p.TensorParallel, p.ComputeEfficiency, p.BytesPerElement);

    public static SimulationCalibration Calibration(ServingThroughputParameters p) =>
        new(p.GemmEfficiencyMax, p.GemmHalfTokens, p.HbmEfficiency, p.NetEfficiency, p.LaunchOverheadUs, p.CollectiveStepUs,
            p.OtherTrafficFactor, p.AsyncScheduling, p.HostOverheadFraction);

    public static InterferenceCurves Curves(ServingThroughputParameters p) =>
        new(p.GemmCurveExponent, p.GemvSaturation, p.GemvCurveExponent, p.NetSaturation, p.NetCurveExponent);
}
