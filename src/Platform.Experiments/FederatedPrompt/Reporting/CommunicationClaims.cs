using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Running;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>
/// SFPrompt's communication saving against federated full fine-tuning, and the same saving split into what splitting
/// alone saves (sfprompt-noprune) and what pruning adds on top (sfprompt), in points of fl-full's traffic so the two
/// parts add up to the whole. Every figure is re-evaluated over the per-message header.
/// </summary>
internal static class CommunicationClaims
{
    public const string Saved = "Communication saved vs federated full fine-tuning (sfprompt)";
    public const string BySplitting = "Communication saved by splitting alone (sfprompt-noprune vs fl-full)";
    public const string ByPruning = "Communication saved by pruning on top of splitting (sfprompt vs sfprompt-noprune, points of fl-full's traffic)";

    /// <summary>The abstract's "53% less communication" (ViT-B; 0.47x of full fine-tuning).</summary>
    public const double PaperSavingPercent = 53;

    /// <summary>The abstract gives whole percents; the band is a tenth of the figure either side.</summary>
    public static readonly Bounds PaperBand = Bounds.Around(PaperSavingPercent, 5);

    public static IEnumerable<ClaimCheck> Build(IReadOnlyList<MethodOutcome> outcomes)
    {
        var sfprompt = outcomes.FirstOrDefault(o => o.Method == MethodNames.SfPrompt);
        var noPrune = outcomes.FirstOrDefault(o => o.Method == MethodNames.SfPromptNoPrune);
        var full = outcomes.FirstOrDefault(o => o.Method == MethodNames.FlFull);
        var design = AssumptionDesign.Build([ClaimAssumptions.Header]);

        yield return sfprompt is null || full is null
            ? ClaimCheck.NotComparable(Saved, PaperSavingPercent, null, "%", Missing(MethodNames.SfPrompt, MethodNames.FlFull))
            : ClaimCheck.Predicted(Saved, PaperSavingPercent, PaperBand, "%",
                design.Evaluate(p => Saving(sfprompt, full, p[ClaimAssumptions.HeaderBytes]), PaperBand),
                $"Bytes through the simulated link, all rounds, both directions: sfprompt {sfprompt.TotalMb:F2} MB against fl-full " +
                $"{full.TotalMb:F2} MB, EL2N scoring through the server's body included. The paper's figure is for ViT-B; the saving " +
                "shrinks as clients hold more samples (the paper's count is not in the abstract; see the samples-sweep preset). " +
                "Band: the abstract's 53% ± 5 points (a tenth of the figure).");

        yield return noPrune is null || full is null
            ? ClaimCheck.NotComparable(BySplitting, null, null, "%", Missing(MethodNames.SfPromptNoPrune, MethodNames.FlFull))
            : ClaimCheck.NotComparable(BySplitting, null, Saving(noPrune, full, ClaimAssumptions.Header.Value), "%",
                $"A measured part of the whole: sfprompt-noprune (split training on every sample) sends {noPrune.TotalMb:F2} MB against " +
                $"fl-full's {full.TotalMb:F2} MB. The abstract reports only the combined saving, so this part has no paper figure.");

        yield return sfprompt is null || noPrune is null || full is null
            ? ClaimCheck.NotComparable(ByPruning, null, null, "points", Missing(MethodNames.SfPrompt, MethodNames.SfPromptNoPrune, MethodNames.FlFull))
            : ClaimCheck.NotComparable(ByPruning, null, 100 * (noPrune.TotalMb - sfprompt.TotalMb) / full.TotalMb, "points",
                $"A measured part of the whole: pruning cuts {noPrune.TotalMb:F2} MB to {sfprompt.TotalMb:F2} MB, its scoring pass " +
                "through the server's body included; with the part from splitting it adds up to sfprompt's saving. The abstract " +
                "reports only the combined saving, so this part has no paper figure.");
    }

    internal static string Missing(params string[] methods) => $"Needs {string.Join(", ", methods)} in the run's methods.";

    private static double Saving(MethodOutcome method, MethodOutcome baseline, double headerBytes) =>
        100 * (1 - (method.TotalMbWithHeader(headerBytes) / baseline.TotalMbWithHeader(headerBytes)));
}
