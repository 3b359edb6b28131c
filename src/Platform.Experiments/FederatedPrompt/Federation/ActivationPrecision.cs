namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>Element format of activations and gradients on the link. Parameters always travel as fp32.</summary>
public enum ActivationPrecision
{
    Fp32,
    Fp16,
    Int8,
}
