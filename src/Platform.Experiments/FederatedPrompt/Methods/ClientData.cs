using Platform.Experiments.FederatedPrompt.Data;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>One client's local samples and its label distribution.</summary>
public sealed record ClientData(int Id, ImageSet Data, double[] ClassShares);
