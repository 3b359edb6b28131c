namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>Global test accuracy (%), mean cross-entropy and accuracy (%) per class.</summary>
public sealed record Evaluation(double Accuracy, double Loss, double[] ClassAccuracy)
{
    /// <summary>Accuracy a client would see on test data drawn from its own label distribution.</summary>
    public double AccuracyUnder(IReadOnlyList<double> classShares) => classShares.Select((share, c) => share * ClassAccuracy[c]).Sum();
}
