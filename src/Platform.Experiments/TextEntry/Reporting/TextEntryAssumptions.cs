using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The constants a text-entry run uses that it neither measures nor takes from the paper, each with the range a
/// reviewer would find plausible and why. A value set outside the range by the user widens the range to include it.
/// The action costs are not here: one per motor action is the paper's own KSR definition.
/// </summary>
public static class TextEntryAssumptions
{
    public const string ContextOverlap = "ContextOverlap";
    public const string KeyboardSuggestions = "KeyboardSuggestions";
    public const string SecondsPerKeystroke = "SecondsPerKeystroke";
    public const string SecondsPerSelection = "SecondsPerSelection";
    public const string ModelLatencySeconds = "ModelLatencySeconds";

    /// <summary>What the simulated claims are re-evaluated over: the generator's overlap (generated corpora only) and the keyboard.</summary>
    public static IReadOnlyList<Assumption> Simulation(TextEntryParameters parameters, bool generatedCorpus)
    {
        var keyboard = Declare(KeyboardSuggestions, parameters.BaselineSuggestions, 3, 5, "words",
            "Words in the baseline keyboard's suggestion strip. The paper gives no strip size for its 'traditional predictive keyboard'; " +
            "Gboard shows 3, AAC keyboards 4-5, and the NAACL paper's anchor for word prediction (Trnka et al. 2008; Fowler et al. 2015) " +
            "quotes 40-50% savings for 3-5 predictions.");
        if (!generatedCorpus)
        {
            return [keyboard];
        }

        var overlap = Declare(ContextOverlap, parameters.ContextOverlap, 0.3, 0.9, "probability",
            "How often a reply reuses the filler (food, person, place...) the partner's turn named: a property of the generator that " +
            "decides how much context can help. No measured rate for conversational AAC text is at hand. Turk Dialogues' replies often " +
            "echo the partner ('do you want some tea' / 'yes, some tea please') and often move on; 0.3-0.9 spans mostly-new to " +
            "mostly-echoed replies, leaving out 0 (context useless by construction) and 1 (context decisive by construction).");
        return [overlap, keyboard];
    }

    /// <summary>The gaze timing model behind the words-per-minute estimate.</summary>
    public static IReadOnlyList<Assumption> Timing(TextEntryParameters parameters) =>
    [
        Declare(SecondsPerKeystroke, parameters.SecondsPerKeystroke, 0.6, 1.8, "s",
            "One gaze keystroke, visual search and dwell included. Gaze typing runs at 8-10 words per minute (NAACL 2022, citing " +
            "Waller 2019), 1.2-1.5 s a character; dwell-time studies span about 0.6 s a character for practised users with short " +
            "dwell (Majaranta et al. 2009, about 20 wpm) to about 1.8 s for novices (about 7 wpm)."),
        Declare(SecondsPerSelection, parameters.SecondsPerSelection, 0.6, 3.0, "s",
            "Selecting a phrase, suggestion or FillMask item: at least one dwell, as for a key, plus reading the candidates, which " +
            "word-prediction studies found to cost up to seconds per look (Koester and Levine 1994)."),
        Declare(ModelLatencySeconds, parameters.ModelLatencySeconds, 0, 2, "s",
            "The wait for an expansion after a query: none when it arrives while the user looks for the next key; on the order of a " +
            "second for a 64B model sampling 128 continuations (the SpeakFaster client times calls out at 6 s)."),
    ];

    private static Assumption Declare(string name, double value, double low, double high, string unit, string why) =>
        Assumption.Declare(name, value, Math.Min(low, value), Math.Max(high, value), unit, why);
}
