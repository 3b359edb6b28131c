namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// How one simulated user entered one phrase: the actions and their cost against the phrase's length in characters
/// (spaces included), the path that produced it, where the target ranked for the initials alone (−1 when not
/// shown or not queried) and the queries with what each showed.
/// </summary>
public sealed record PhraseOutcome(
    int Characters,
    double Cost,
    IReadOnlyList<ActionKind> Actions,
    ResolutionPath Path,
    int InitialRank,
    IReadOnlyList<ExpansionStep> Steps)
{
    /// <summary>Keystroke saving rate of this phrase: 1 − cost / characters.</summary>
    public double SavingRate => 1 - Cost / Characters;
}
