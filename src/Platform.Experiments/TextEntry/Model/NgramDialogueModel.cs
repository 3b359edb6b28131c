namespace Platform.Experiments.TextEntry.Model;

/// <summary>A Kneser–Ney model that reads the conversation by boosting the content words of the previous turns.</summary>
public sealed class NgramDialogueModel(KneserNeyModel model, double contextWeight) : IDialogueModel
{
    public KneserNeyModel Model => model;

    public double ContextWeight => contextWeight;

    public Vocabulary Vocabulary => model.Vocabulary;

    public string Description => $"{model.Order}-gram Kneser-Ney, {model.Vocabulary.Count} words";

    public ILanguageModel Alone => model;

    public ILanguageModel Given(IReadOnlyList<IReadOnlyList<string>> previousTurns) =>
        ContextualModel.For(model, previousTurns, contextWeight, model.CommonWords);

    public void Dispose()
    {
    }
}
