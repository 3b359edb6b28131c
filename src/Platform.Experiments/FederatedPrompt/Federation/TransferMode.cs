namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>
/// Full sends whole activation and gradient tensors; minimal sends only the rows the other side needs (the CLS row of
/// the body output and its gradient, the prompt rows of the input gradient). Minimal is our optimisation, not the paper's.
/// </summary>
public enum TransferMode
{
    Full,
    Minimal,
}
