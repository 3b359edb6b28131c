using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Running;
using A = Platform.Experiments.FederatedPrompt.Reporting.ClaimAssumptions;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>
/// The client's share of compute against federated full fine-tuning, like with like: the paper's 0.46% is for
/// ViT-B/16, so the share is counted for ViT-B/16 with the FLOP counter that charges this run's methods, over the
/// paper's unknown schedule; this run's tiny ViT's share is reported beside it as a measured fact.
/// </summary>
internal static class ComputeClaims
{
    public const string VitB16 = "Client compute vs federated full fine-tuning, ViT-B/16 (counted with this run's FLOP counter)";
    public const string ThisRun = "Client compute vs federated full fine-tuning, this run's ViT (measured)";

    /// <summary>The abstract's "a mere 0.46% of local computing resources".</summary>
    public const double PaperClientComputePercent = 0.46;

    /// <summary>The abstract gives two decimals: ± half of the last digit.</summary>
    public static readonly Bounds PaperBand = Bounds.Around(PaperClientComputePercent, 0.005);

    public static IEnumerable<ClaimCheck> Build(IReadOnlyList<MethodOutcome> outcomes, FederatedPromptParameters p)
    {
        var design = AssumptionDesign.Build(A.PaperSetting(p), interiorSamples: 32);
        var assumed = VitB16At(design.Points[0], p.PromptTokens);
        yield return ClaimCheck.Predicted(VitB16, PaperClientComputePercent, PaperBand, "%",
            design.Evaluate(point => Workload(point).ClientSharePercent(VitB16At(point, p.PromptTokens)), PaperBand),
            $"Counted, not trained: ViT-B/16 at {assumed.ImageSize} x {assumed.ImageSize} ({assumed.Patches} patches) under this run's " +
            $"schedule (keep {p.KeepRatio:G3}, {p.LocalLossEpochs} local-loss epochs, {p.SplitPasses} split passes; FedAvg " +
            $"{p.LocalEpochs} local epochs), charged as this run's methods charge. The client's head is the patch embedding, " +
            $"{100 * HeadShare(assumed):F2}% of a ViT-B/16 forward pass. The paper's schedule is not in the abstract, so it is " +
            "judged over the assumed ranges.");

        var sfprompt = outcomes.FirstOrDefault(o => o.Method == MethodNames.SfPrompt);
        var full = outcomes.FirstOrDefault(o => o.Method == MethodNames.FlFull);
        var tiny = VitConfig.From(p);
        yield return ClaimCheck.NotComparable(ThisRun, PaperClientComputePercent,
            sfprompt is null || full is null ? null : 100 * sfprompt.ClientGflops / full.ClientGflops, "%",
            sfprompt is null || full is null
                ? CommunicationClaims.Missing(MethodNames.SfPrompt, MethodNames.FlFull)
                : $"Analytic FLOPs charged to clients: sfprompt {sfprompt.ClientGflops:F2} against fl-full {full.ClientGflops:F2} GFLOPs. " +
                  $"The paper's 0.46% is for ViT-B/16 (counted in the claim above); in this run's ViT (width {tiny.Width}, " +
                  $"{tiny.Patches} patches of {tiny.PatchSize} x {tiny.PatchSize}) the patch embedding is {100 * HeadShare(tiny):F2}% " +
                  $"of a forward pass against {100 * HeadShare(assumed):F2}% in ViT-B/16, so the two shares are not comparable.");
    }

    private static ClientWorkload Workload(AssumptionPoint point) =>
        new(point[A.PaperKeepRatio], point[A.PaperLocalLossEpochs], point[A.PaperSplitPasses], point[A.PaperFedAvgEpochs],
            Scored: point[A.PaperKeepRatio] < 1);

    // Prompts and classes only touch the tail, a few thousandths of the client's FLOPs: they stay the run's own.
    private static VitConfig VitB16At(AssumptionPoint point, int promptTokens) =>
        VitConfig.VitB16(promptTokens, GlyphTask.Classes, 16 * (int)Math.Round(point[A.PaperImageSize] / 16));

    /// <summary>The patch embedding's share of one prompt-free forward pass.</summary>
    private static double HeadShare(VitConfig config)
    {
        var model = config.WithoutPrompts();
        var f = new FlopModel(model);
        return f.HeadForward / (f.HeadForward + f.BodyForward(model.Tokens) + f.TailForward());
    }
}
