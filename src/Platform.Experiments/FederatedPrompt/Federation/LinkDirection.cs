namespace Platform.Experiments.FederatedPrompt.Federation;

public enum LinkDirection
{
    /// <summary>Client to server.</summary>
    Up,

    /// <summary>Server to client.</summary>
    Down,
}
