using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Running;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>The run's result tables: methods after the last round, compute by party, or bytes by samples per client.</summary>
public static class Tables
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

    public static ResultTable Sweep(IReadOnlyList<SweepPoint> points) => new(
        "Bytes per client-round by samples per client (measured)",
        ["Samples per client", "Method", "MB per client-round", "Accuracy %"],
        [.. points.Select(p => (IReadOnlyList<object?>)
            [p.Samples, p.Outcome.Method, Math.Round(p.Outcome.MbPerClientRound, 4), Math.Round(p.Outcome.Accuracy, 2)])]);

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
