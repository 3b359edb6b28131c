using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.UnitTests.CommOverlap;

/// <summary>
/// The headline's cells at every point of a small assumption design (the assumed point, each assumption at both ends
/// of its range, six interior samples), with the burstiness re-fitted at each point as the run does. Evaluated once and
/// shared, because it is the costly part of the tests that read it.
/// </summary>
public sealed class HeadlineDesignFixture
{
    public HeadlineDesignFixture()
    {
        var p = Headline();
        p.AssumptionSamples = 6;
        Cells = SweepPlan.Cells(p);
        var assumed = SimulationSettings.From(p);
        var design = AssumptionDesign.Build(AssumedConstants.Declare(p, assumed, burstinessFitted: true), p.AssumptionSamples, seed: 7);
        Points =
        [
            .. AssumptionSweep.Run(design, Cells, assumed, SweepPlan.Workload(p), fitBurstiness: true).Select(r => new PointTimes(
                Describe(r.Point), r.Settings, r.Workload, [.. r.Cells.Select(c => c.Outcomes.ToDictionary(o => o.Key, o => o.Value.Time))])),
        ];
    }

    public IReadOnlyList<CellKey> Cells { get; }

    public IReadOnlyList<PointTimes> Points { get; }

    /// <summary>A fresh copy of the headline preset's parameters (the preset's own instance is shared).</summary>
    public static CommOverlapParameters Headline()
    {
        var preset = (CommOverlapParameters)new CommOverlapExperiment().Presets.Single(p => p.Name == ExperimentPreset.HeadlineName).Parameters;
        return new CommOverlapParameters { Models = [.. preset.Models], TpDegrees = [.. preset.TpDegrees], LargeModelTpDegrees = [.. preset.LargeModelTpDegrees] };
    }

    private static string Describe(AssumptionPoint point) =>
        string.Join(", ", point.Values.Select(v => $"{v.Key}={v.Value:G4}"));

    /// <summary>One point: its values in words, its fitted settings and workload, and every variant's time per cell (in <see cref="Cells"/> order).</summary>
    public sealed record PointTimes(string Values, SimulationSettings Settings, Workload Workload, IReadOnlyList<Dictionary<Variant, double>> Times);
}
