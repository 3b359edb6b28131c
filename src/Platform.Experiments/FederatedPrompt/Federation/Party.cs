namespace Platform.Experiments.FederatedPrompt.Federation;

public enum Party
{
    Client,
    Server,
}
