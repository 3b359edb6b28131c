namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>The simulated abbreviation user's policy and what its actions cost.</summary>
public sealed record AbbreviationUserSettings(
    AbbreviationStrategy Strategy,
    int CandidatesShown,
    int MaxKeywordLetters,
    int FillMaskCandidates,
    ActionCosts Costs,
    bool CountAbandonedActions = true);
