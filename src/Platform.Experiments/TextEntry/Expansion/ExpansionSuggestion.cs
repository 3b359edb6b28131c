namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// One candidate the try-it page shows: the phrase, its log-probability (natural log), and the keystrokes saved by
/// typing the abbreviation and selecting this phrase instead of typing it out (characters − typed − 1 selection).
/// </summary>
public sealed record ExpansionSuggestion(string Phrase, double LogProb, int KeystrokesSaved, double SavingRate);
