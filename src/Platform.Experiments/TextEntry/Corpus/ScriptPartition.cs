namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Which scripts of <see cref="DialogueTopics"/> may generate training, dev and test dialogues. Drawn before any slot
/// is filled, so no script, and hence none of its templates or their filled variants, serves two splits: a test phrase
/// is never a training phrase with other fillers, which is what made the context claims hold by construction.
/// </summary>
public sealed record ScriptPartition(IReadOnlyList<int> Train, IReadOnlyList<int> Dev, IReadOnlyList<int> Test)
{
    public static ScriptPartition Of(int scripts, double devFraction, double testFraction, Random random)
    {
        var order = Enumerable.Range(0, scripts).ToArray();
        random.Shuffle(order);
        var (_, dev, test) = CorpusSplit.Sizes(scripts, devFraction, testFraction);
        return new ScriptPartition(order[(test + dev)..], order[test..(test + dev)], order[..test]);
    }
}
