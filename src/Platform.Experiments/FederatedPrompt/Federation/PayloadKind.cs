namespace Platform.Experiments.FederatedPrompt.Federation;

public enum PayloadKind
{
    Parameters,
    Activations,
    Gradients,
}
