namespace Platform.Experiments.CommOverlap;

/// <summary>The models of the paper's evaluation (and GPT-3 for comparison); <see cref="Custom"/> takes its hidden size from the parameters.</summary>
public enum TransformerModel
{
    MegaGpt2,
    TNlg,
    Gpt3,
    Palm,
    MtNlg,
    Custom,
}
