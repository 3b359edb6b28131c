namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// One conversation: its turns in order, alternating between the two speakers. <see cref="Script"/> is the index of
/// the <see cref="DialogueTopics"/> script a generated dialogue was drawn from (null for an uploaded one), which is
/// what the train/test split keeps apart.
/// </summary>
public sealed record Dialogue(IReadOnlyList<string> Turns)
{
    public int? Script { get; init; }
}
