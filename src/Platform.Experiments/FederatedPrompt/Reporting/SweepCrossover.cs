using Platform.Experiments.Contract;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The samples-per-client sweep: bytes per client-round of each method at each size, and where they cross.</summary>
public static class SweepSummary
{
    public static ResultTable Table(IReadOnlyList<SweepPoint> points) => new(
        "Bytes per client-round by samples per client (measured)",
        ["Samples per client", "Method", "MB per client-round", "Accuracy %"],
        [.. points.Select(p => (IReadOnlyList<object?>)
            [p.Samples, p.Outcome.Method, Math.Round(p.Outcome.MbPerClientRound, 4), Math.Round(p.Outcome.Accuracy, 2)])]);

    /// <summary>The smallest swept size at which sfprompt sends at least as much as fl-full, or null.</summary>
    public static int? Crossover(IReadOnlyList<SweepPoint> points) =>
        points.GroupBy(p => p.Samples).OrderBy(g => g.Key)
            .Where(g => Mb(g, MethodNames.SfPrompt) is { } s && Mb(g, MethodNames.FlFull) is { } f && s >= f)
            .Select(g => (int?)g.Key).FirstOrDefault();

    public static ClaimCheck Claim(IReadOnlyList<SweepPoint> points)
    {
        var crossover = Crossover(points);
        var smallest = points.Min(p => p.Samples);
        var cheaperAtSmallest = points.Where(p => p.Samples == smallest).ToArray() is var first
            && Mb(first, MethodNames.SfPrompt) < Mb(first, MethodNames.FlFull);
        var verdict = crossover is not null && cheaperAtSmallest ? ClaimVerdict.Supported
            : cheaperAtSmallest ? ClaimVerdict.PartlySupported : ClaimVerdict.NotSupported;
        return new ClaimCheck("Split training's bytes overtake FedAvg's as clients hold more samples", null, crossover, "samples per client",
            verdict, "An inferred law (research brief §1.4: SFPrompt bytes grow with kept samples, FedAvg's with model size), not a figure " +
            "from the paper. Measured value: the smallest swept size where sfprompt sends at least as much as fl-full; none if it never does.");
    }

    private static double? Mb(IEnumerable<SweepPoint> group, string method) =>
        group.Where(p => p.Outcome.Method == method).Select(p => (double?)p.Outcome.MbPerClientRound).FirstOrDefault();
}
