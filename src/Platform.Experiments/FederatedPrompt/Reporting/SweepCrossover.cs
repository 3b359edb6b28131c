using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Running;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>The samples-per-client sweep: bytes per client-round of each method at each size, and where they cross.</summary>
public static class SweepCrossover
{
    /// <summary>The smallest swept size at which sfprompt sends at least as much as fl-full, or null.</summary>
    public static int? Crossover(IReadOnlyList<SweepPoint> points) =>
        points.GroupBy(p => p.Samples).OrderBy(g => g.Key)
            .Where(g => Mb(g, MethodNames.SfPrompt) is { } s && Mb(g, MethodNames.FlFull) is { } f && s >= f)
            .Select(g => (int?)g.Key).FirstOrDefault();

    /// <summary>The given method's MB per client-round among the points of one size, or null if it did not run.</summary>
    internal static double? Mb(IEnumerable<SweepPoint> group, string method) =>
        group.Where(p => p.Outcome.Method == method).Select(p => (double?)p.Outcome.MbPerClientRound).FirstOrDefault();
}
