namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>One phrase entered by every simulated user: the abbreviation users in configuration order, the keyboard, plain typing.</summary>
public sealed record PhraseResults(TestPhrase Phrase, IReadOnlyList<PhraseOutcome> Abbreviation, PhraseOutcome Keyboard, PhraseOutcome Plain);
