using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// The trained model of a finished run, ready for a person to try: load the run's model artifact (n-gram or GRU)
/// and expand what they type (initials, with keywords after spaces) with the partner's last turn as optional context.
/// Thread-safe: every call builds its own search state, and the GRU serialises its forward passes.
/// </summary>
public sealed class TextEntryAssistant
{
    public const int DefaultBeamWidth = 32;

    private readonly IDialogueModel _model;

    private TextEntryAssistant(IDialogueModel model) => _model = model;

    /// <summary>What the model is, for the page, e.g. "3-gram Kneser-Ney, 812 words, context weight 4".</summary>
    public string Description => _model is NgramDialogueModel ngram
        ? $"{_model.Description}, context weight {ngram.ContextWeight}"
        : $"{_model.Description}, reads the partner's turn as a prefix";

    public int Vocabulary => _model.Vocabulary.Count;

    /// <summary>Loads the bytes of a run's model artifact (<see cref="DialogueModelFile.ArtifactNames"/>).</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    public static TextEntryAssistant Load(ReadOnlySpan<byte> modelFile) => new(DialogueModelFile.Read(modelFile));

    public static TextEntryAssistant From(IDialogueModel model) => new(model);

    /// <summary>The top <paramref name="topN"/> expansions of <paramref name="typed"/>, best first.</summary>
    public IReadOnlyList<ExpansionSuggestion> Expand(string typed, string? partnerTurn, int topN = 5, int beamWidth = DefaultBeamWidth)
    {
        // A leading space is meaningful (the phrase starts with a keyword), so only the end is trimmed.
        var abbreviation = TypedAbbreviation.Parse(typed.TrimEnd());
        if (abbreviation.IsEmpty)
        {
            return [];
        }

        IReadOnlyList<IReadOnlyList<string>> context = string.IsNullOrWhiteSpace(partnerTurn) ? [] : [PhraseText.Tokenize(partnerTurn)];
        var model = _model.Given(context);
        var keys = abbreviation.Render().Length + 1;
        return [.. new AbbreviationExpander(model, beamWidth).Expand(abbreviation, topN).Select(candidate =>
        {
            var characters = candidate.Text.Length;
            return new ExpansionSuggestion(candidate.Text, candidate.LogProb, characters - keys, 1 - (double)keys / characters);
        })];
    }
}
