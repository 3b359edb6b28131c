using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Running;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>
/// The paper's claims beside what this run measured: communication (whole, and split into splitting and pruning),
/// client compute (ViT-B/16 counted, this run's ViT measured) and accuracy (sfprompt against fl-full and beside its
/// pruning ablations), or the bytes law against a samples-per-client sweep.
/// </summary>
internal static class Claims
{
    /// <summary>The claims a headline run judges (all others are measured facts or not comparable).</summary>
    public static IReadOnlyList<string> PredictedInHeadline { get; } =
        [CommunicationClaims.Saved, ComputeClaims.VitB16, AccuracyClaims.GapToFull, AccuracyClaims.El2nOverRandom];

    public static IReadOnlyList<ClaimCheck> Build(IReadOnlyList<MethodOutcome> outcomes, FederatedPromptParameters parameters) =>
    [
        .. CommunicationClaims.Build(outcomes),
        .. ComputeClaims.Build(outcomes, parameters),
        .. AccuracyClaims.Build(outcomes),
    ];

    /// <summary>Split training's bytes overtake FedAvg's as clients hold more samples, measured on a samples-per-client sweep.</summary>
    public static IReadOnlyList<ClaimCheck> Build(IReadOnlyList<SweepPoint> points) =>
    [
        ClaimCheck.NotComparable("Split training's bytes overtake FedAvg's as clients hold more samples", null,
            SweepCrossover.Crossover(points), "samples per client",
            "An inferred law (our derivation from what the SFPrompt paper's split training sends: its bytes grow with the kept " +
            "samples, FedAvg's with the model), not a figure of the paper, and it holds by construction of the byte counts. " +
            "Measured value: the smallest swept size where sfprompt sends at least as much as fl-full; none if it never does."),
    ];
}
