using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Assumptions;

/// <summary>
/// Simulates every cell once per point of the assumption design, the assumed point first. When the burstiness is the
/// calibrated constant it is re-fitted at each point, so every point is a model that still reproduces the calibration
/// figure and the predictions' ranges say what the paper's 30% leaves open. Points are yielded one by one so a caller
/// keeps only what it needs of each.
/// </summary>
internal static class AssumptionSweep
{
    public static IEnumerable<DesignPointResult> Run(
        AssumptionDesign design, IReadOnlyList<CellKey> cells, SimulationSettings assumed, Workload workload, bool fitBurstiness) =>
        design.Points.Select(point => At(point, cells, assumed, workload, fitBurstiness));

    /// <summary>One point alone: points share nothing, so a caller may evaluate several at once.</summary>
    public static DesignPointResult At(
        AssumptionPoint point, IReadOnlyList<CellKey> cells, SimulationSettings assumed, Workload workload, bool fitBurstiness)
    {
        var (settings, pointWorkload) = PointInputs.Apply(point, assumed, workload);
        BurstinessFitResult? fit = null;
        if (fitBurstiness)
        {
            fit = BurstinessFit.Fit(BurstinessFit.TnlgShapes(cells, pointWorkload), settings);
            settings = settings with { GemmBurstiness = fit.Value };
        }

        return new DesignPointResult(point, settings, pointWorkload, fit, SweepPlan.Simulate(cells, pointWorkload, settings));
    }
}

/// <summary>One point of the design: its inputs (burstiness fitted when <see cref="Fit"/> is set) and every simulated cell.</summary>
internal sealed record DesignPointResult(
    AssumptionPoint Point, SimulationSettings Settings, Workload Workload, BurstinessFitResult? Fit, IReadOnlyList<CellResult> Cells);
