using Platform.Experiments.Contract;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The run's result tables and headline metrics.</summary>
public static class SummaryTables
{
    public static ResultTable Methods(IReadOnlyList<MethodOutcome> outcomes) => new(
        "Methods after the last round (measured)",
        ["Method", "Accuracy %", "Accuracy % (mean of last 5 rounds)", "Test loss", "Total MB", "MB per client-round", "Client GFLOPs", "Server GFLOPs", "Client share %", "Seconds"],
        [.. outcomes.Select(o => (IReadOnlyList<object?>)
        [
            o.Method, Round(o.Accuracy, 2), Round(o.SettledAccuracy, 2), Round(o.TestLoss, 4), Round(o.TotalMb, 3), Round(o.MbPerClientRound, 4),
            Round(o.ClientGflops, 3), Round(o.ServerGflops, 3),
            Round(100 * o.ClientGflops / Math.Max(1e-12, o.ClientGflops + o.ServerGflops), 2), Round(o.Seconds, 1),
        ])]);

    public static ResultTable Compute(IReadOnlyList<MethodOutcome> outcomes) => new(
        "Compute by party and module, GFLOPs (analytic, whole run)",
        ["Method", "Client head", "Client body", "Client tail", "Server body"],
        [.. outcomes.Select(o => (IReadOnlyList<object?>)
        [
            o.Method, Round(o.Compute.ClientHead, 4), Round(o.Compute.ClientBody, 4), Round(o.Compute.ClientTail, 4),
            Round(o.Compute.ServerBody, 4),
        ])]);

    public static Dictionary<string, double> Metrics(IReadOnlyList<MethodOutcome> outcomes)
    {
        var metrics = new Dictionary<string, double>();
        foreach (var o in outcomes)
        {
            metrics[$"{o.Method}.accuracy"] = o.Accuracy;
            metrics[$"{o.Method}.settled-accuracy"] = o.SettledAccuracy;
            metrics[$"{o.Method}.total-mb"] = o.TotalMb;
            metrics[$"{o.Method}.client-gflops"] = o.ClientGflops;
            metrics[$"{o.Method}.server-gflops"] = o.ServerGflops;
            metrics[$"{o.Method}.seconds"] = o.Seconds;
        }
        return metrics;
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
