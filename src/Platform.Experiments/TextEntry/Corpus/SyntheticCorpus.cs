namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// The generated corpus, split by script before slot filling (see <see cref="ScriptPartition"/>). Each split has its
/// own random stream, so the test dialogues can be generated again at another context overlap while the training
/// dialogues (and the model trained on them) stay exactly as they were: that is how the context claims are judged
/// over the overlap assumption without retraining. The generator draws the same numbers whatever the overlap, so two
/// overlaps give the same dialogues except where a reply's reuse of the partner's filler flips.
/// </summary>
public sealed class SyntheticCorpus
{
    private readonly long _seed;
    private readonly int _train;
    private readonly int _dev;
    private readonly int _test;

    public SyntheticCorpus(int dialogues, double devFraction, double testFraction, long seed)
    {
        _seed = seed;
        (_train, _dev, _test) = CorpusSplit.Sizes(dialogues, devFraction, testFraction);
        Scripts = ScriptPartition.Of(DialogueTopics.All.Count, devFraction, testFraction, Stream(0));
    }

    public ScriptPartition Scripts { get; }

    public CorpusSplit Split(double contextOverlap)
    {
        var train = SyntheticDialogues.Generate(_train, contextOverlap, Scripts.Train, Stream(1));
        var dev = SyntheticDialogues.Generate(_dev, contextOverlap, Scripts.Dev, Stream(2));
        var test = Test(contextOverlap);
        return new CorpusSplit(train, dev, test, CorpusSplit.HashOf([.. train, .. dev, .. test]));
    }

    /// <summary>The test dialogues at <paramref name="contextOverlap"/>; the same draws as <see cref="Split"/>'s.</summary>
    public IReadOnlyList<Dialogue> Test(double contextOverlap) =>
        SyntheticDialogues.Generate(_test, contextOverlap, Scripts.Test, Stream(3));

    private Random Stream(int split) => new(unchecked((int)((_seed * 1_000_003) + (split * 7_919L))));
}
