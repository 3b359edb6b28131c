namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>One conversation: its turns in order, alternating between the two speakers.</summary>
public sealed record Dialogue(IReadOnlyList<string> Turns);
