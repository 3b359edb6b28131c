using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>Builds the modelled system, the simulator's assumed constants and interference curves from the parameters.</summary>
internal static class SystemFactory
{
    public static ServingSystem System(ServingThroughputParameters p) =>
        new(p.ResolveModel(), p.ResolveGpu(), p.TensorParallel, p.ComputeEfficiency, p.BytesPerElement);

    public static SimulationCalibration Calibration(ServingThroughputParameters p) =>
        new(p.GemmEfficiencyMax, p.GemmHalfTokens, p.HbmEfficiency, p.NetEfficiency, p.LaunchOverheadUs, p.CollectiveStepUs,
            p.OtherTrafficFactor, p.AsyncScheduling, p.HostOverheadFraction);

    public static InterferenceCurves Curves(ServingThroughputParameters p) =>
        new(p.GemmCurveExponent, p.GemvSaturation, p.GemvCurveExponent, p.NetSaturation, p.NetCurveExponent, p.OtherSaturation);

    /// <summary>The run's calibrations: the compute efficiency when it is the value fitted to the paper's optimum.</summary>
    public static IReadOnlyList<Calibration> Calibrations(ServingThroughputParameters p) =>
        ComputeCalibration.IsFitted(p.ComputeEfficiency) ? [ComputeEfficiency] : [];

    public static Calibration ComputeEfficiency { get; } = new(nameof(ServingThroughputParameters.ComputeEfficiency), ComputeCalibration.Fitted, ComputeCalibration.FittedTo);
}
