using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// The trained model of a finished run, ready for a person to try: load the run's <c>model.ngram</c> artifact and
/// expand what they type (initials, with keywords after spaces) with the partner's last turn as optional context.
/// Thread-safe: every call builds its own search state.
/// </summary>
public sealed class TextEntryAssistant
{
    public const int DefaultBeamWidth = 32;

    private readonly KneserNeyModel _model;

    private TextEntryAssistant(KneserNeyModel model, double contextWeight)
    {
        _model = model;
        ContextWeight = contextWeight;
    }

    public double ContextWeight { get; }

    public int Vocabulary => _model.Vocabulary.Count;

    public int Order => _model.Order;

    /// <summary>Loads the bytes of a run's <see cref="NgramModelFile.ArtifactName"/> artifact.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    public static TextEntryAssistant Load(ReadOnlySpan<byte> modelFile)
    {
        var (model, weight) = NgramModelFile.Read(modelFile);
        return new TextEntryAssistant(model, weight);
    }

    public static TextEntryAssistant From(KneserNeyModel model, double contextWeight) => new(model, contextWeight);

    /// <summary>The top <paramref name="topN"/> expansions of <paramref name="typed"/>, best first.</summary>
    public IReadOnlyList<ExpansionSuggestion> Expand(string typed, string? partnerTurn, int topN = 5, int beamWidth = DefaultBeamWidth)
    {
        // A leading space is meaningful (the phrase starts with a keyword), so only the end is trimmed.
        var abbreviation = TypedAbbreviation.Parse(typed.TrimEnd());
        if (abbreviation.IsEmpty)
        {
            return [];
        }

        var context = string.IsNullOrWhiteSpace(partnerTurn) ? [] : new[] { PhraseText.Tokenize(partnerTurn) };
        var model = ContextualModel.For(_model, context, ContextWeight, _model.CommonWords);
        var keys = abbreviation.Render().Length + 1;
        return [.. new AbbreviationExpander(model, beamWidth).Expand(abbreviation, topN).Select(candidate =>
        {
            var characters = candidate.Text.Length;
            return new ExpansionSuggestion(candidate.Text, candidate.LogProb, characters - keys, 1 - (double)keys / characters);
        })];
    }
}
