namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// A trained model as the run uses it: on its own, or reading the conversation so far. How the previous turns
/// condition it is the model's business (the n-gram boosts their words, the GRU reads them as a prefix), so the
/// search, the simulated users and perplexity work the same with either.
/// </summary>
public interface IDialogueModel : IDisposable
{
    Vocabulary Vocabulary { get; }

    /// <summary>A short description for the run record, e.g. "3-gram Kneser-Ney, 812 words".</summary>
    string Description { get; }

    /// <summary>The model with no conversation before the phrase.</summary>
    ILanguageModel Alone { get; }

    /// <summary>The model after <paramref name="previousTurns"/> (oldest first); <see cref="Alone"/> when there are none.</summary>
    ILanguageModel Given(IReadOnlyList<IReadOnlyList<string>> previousTurns);
}
