namespace Platform.Experiments.FederatedPrompt.Data;

public enum PartitionKind
{
    Dirichlet,
    Iid,
}
