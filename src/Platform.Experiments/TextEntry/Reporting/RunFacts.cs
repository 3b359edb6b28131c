namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>What the run knows besides the simulation: where the corpus came from and how the model did.</summary>
public sealed record RunFacts(
    string CorpusSource,
    string CorpusHash,
    int TrainDialogues,
    int DevDialogues,
    int TestDialogues,
    int Vocabulary,
    string Model,
    double TrainSeconds,
    double DevPerplexity,
    double TestPerplexity,
    double TestPerplexityNoContext);
