namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// One part of what the user typed: a run of word initials (signatures, see
/// <see cref="Text.AbbreviationRules"/>), or a keyword, a word spelled in full or in part.
/// </summary>
public sealed record AbbreviationSegment(string Text, bool IsKeyword);
