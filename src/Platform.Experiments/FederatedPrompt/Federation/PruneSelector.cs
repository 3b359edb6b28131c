namespace Platform.Experiments.FederatedPrompt.Federation;

public enum PruneSelector
{
    /// <summary>Keep the largest EL2N scores: the hard samples (SFPrompt).</summary>
    El2nHard,

    /// <summary>Keep a uniform random subset (ablation).</summary>
    Random,
}
