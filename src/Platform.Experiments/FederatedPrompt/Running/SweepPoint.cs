namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>One method's outcome at one samples-per-client size of a sweep.</summary>
public sealed record SweepPoint(int Samples, MethodOutcome Outcome);
