namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// How the local-loss path reduces the head's tokens. With cls, the tail sees the same CLS vector for every image,
/// so the prompts get no gradient (the flaw of the unofficial reimplementation); mean avoids it.
/// </summary>
public enum LocalLossPooling
{
    Mean,
    Cls,
}
