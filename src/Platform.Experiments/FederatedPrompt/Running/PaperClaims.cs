using Platform.Experiments.Contract;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The abstract's three claims, each set against this run's measured sfprompt and fl-full outcomes.</summary>
public static class PaperClaims
{
    public const double PaperCommunicationSavingPercent = 53;
    public const double PaperClientComputePercent = 0.46;

    public static IReadOnlyList<ClaimCheck> Judge(IReadOnlyList<MethodOutcome> outcomes)
    {
        var sfprompt = outcomes.FirstOrDefault(o => o.Method == MethodNames.SfPrompt);
        var full = outcomes.FirstOrDefault(o => o.Method == MethodNames.FlFull);
        if (sfprompt is null || full is null)
        {
            const string missing = "Needs both sfprompt and fl-full in the run's methods.";
            return
            [
                new("Communication saved vs federated full fine-tuning", PaperCommunicationSavingPercent, null, "%", ClaimVerdict.NotComparable, missing),
                new("Client compute vs federated full fine-tuning", PaperClientComputePercent, null, "%", ClaimVerdict.NotComparable, missing),
                new("Accuracy gap to federated full fine-tuning", null, null, "points", ClaimVerdict.NotComparable, missing),
            ];
        }

        var saving = 100 * (1 - sfprompt.TotalMb / full.TotalMb);
        var compute = 100 * sfprompt.ClientGflops / full.ClientGflops;
        var gap = full.SettledAccuracy - sfprompt.SettledAccuracy;
        return
        [
            new("Communication saved vs federated full fine-tuning", PaperCommunicationSavingPercent, saving, "%",
                saving >= PaperCommunicationSavingPercent / 2 ? ClaimVerdict.Supported : saving > 0 ? ClaimVerdict.PartlySupported : ClaimVerdict.NotSupported,
                $"Measured bytes through the simulated link, all rounds, both directions: sfprompt {sfprompt.TotalMb:F2} MB vs fl-full {full.TotalMb:F2} MB. " +
                "The saving shrinks as clients hold more samples (see the sweep preset)."),
            new("Client compute vs federated full fine-tuning", PaperClientComputePercent, compute, "%",
                compute <= 5 ? ClaimVerdict.Supported : compute <= 20 ? ClaimVerdict.PartlySupported : ClaimVerdict.NotSupported,
                $"Analytic FLOPs charged to clients: sfprompt {sfprompt.ClientGflops:F2} vs fl-full {full.ClientGflops:F2} GFLOPs. " +
                "A tiny ViT's patch embedding is a larger share of its compute than ViT-B's, so a few percent is the expected scale here."),
            new("Accuracy gap to federated full fine-tuning", null, gap, "points",
                gap <= 5 ? ClaimVerdict.Supported : gap <= 10 ? ClaimVerdict.PartlySupported : ClaimVerdict.NotSupported,
                $"Global test accuracy, mean of the last {MethodOutcome.SettledRounds} rounds: fl-full {full.SettledAccuracy:F1}%, sfprompt " +
                $"{sfprompt.SettledAccuracy:F1}% (last round {full.Accuracy:F1}% and {sfprompt.Accuracy:F1}%). The paper says only " +
                "\"competitive\" (no number in the abstract); within 5 points counts as competitive here."),
        ];
    }
}
