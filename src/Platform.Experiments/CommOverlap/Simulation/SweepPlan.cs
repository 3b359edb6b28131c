namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>The cells a run simulates, in the order it logs them (model, then TP degree, then sublayer), and their workload.</summary>
public static class SweepPlan
{
    public static IReadOnlyList<CellKey> Cells(CommOverlapParameters p) =>
    [
        .. from model in p.Models
           from tp in p.TpDegreesFor(model)
           from sublayer in p.Sublayers
           select new CellKey(model, sublayer, tp, p.HiddenSize(model)),
    ];

    public static Workload Workload(CommOverlapParameters p) => new(p.Tokens, p.DtypeBytes, p.GemmTile, p.L2Reuse);

    public static IReadOnlyList<CellResult> Simulate(IReadOnlyList<CellKey> cells, Workload workload, SimulationSettings settings) =>
        [.. cells.Select(key => CellSimulator.Simulate(key.Model, key.Sublayer, workload.Shape(key), settings))];
}
