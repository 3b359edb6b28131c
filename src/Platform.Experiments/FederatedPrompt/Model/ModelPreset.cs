namespace Platform.Experiments.FederatedPrompt.Model;

public enum ModelPreset
{
    Tiny,
    Small,
    Custom,
}
