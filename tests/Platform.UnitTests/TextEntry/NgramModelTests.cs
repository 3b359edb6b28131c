using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.UnitTests.TextEntry;

public sealed class NgramModelTests
{
    private static readonly string[] s_corpus =
    [
        "i saw him play in the bedroom", "i saw her in the kitchen", "do you want some tea", "do you want some toast",
        "i want some tea please", "can't you see him", "see you at 10 o'clock", "ok, but be quick",
    ];

    internal static KneserNeyModel Train(int order, params string[] sentences) =>
        KneserNeyTrainer.Train(
            new Vocabulary(sentences.SelectMany(PhraseText.Tokenize)), [.. sentences.Select(PhraseText.Tokenize)], order);

    public static TheoryData<int, string> Histories => new()
    {
        { 1, "" }, { 2, "i" }, { 3, "i saw" }, { 3, "do you want" }, { 4, "you want some" }, { 4, "never seen words" }, { 3, "bedroom" },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Probabilities_sum_to_one_over_the_vocabulary(int order, string history)
    {
        var model = Train(order, s_corpus);
        AssertSumsToOne(model, history);
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void Context_boost_still_sums_to_one(int order, string history)
    {
        var model = Train(order, s_corpus);
        AssertSumsToOne(ContextualModel.For(model, [PhraseText.Tokenize("do you see the kitchen")], 4), history);
    }

    [Fact]
    public void Context_makes_its_words_likelier()
    {
        var model = Train(3, s_corpus);
        var withContext = ContextualModel.For(model, [PhraseText.Tokenize("the toast is ready")], 4);
        var history = Ids(model.Vocabulary, "do you want some");
        Assert.True(LogProb(withContext, history, "toast") > LogProb(model, history, "toast"));
        Assert.True(LogProb(withContext, history, "tea") < LogProb(model, history, "tea"));
    }

    [Fact]
    public void A_seen_continuation_beats_an_unseen_one()
    {
        var model = Train(3, s_corpus);
        var history = Ids(model.Vocabulary, "i saw");
        Assert.True(LogProb(model, history, "him") > LogProb(model, history, "tea"));
    }

    [Fact]
    public void The_model_file_round_trips_to_the_same_probabilities()
    {
        var model = Train(3, s_corpus);
        var (loaded, weight) = NgramModelFile.Read(NgramModelFile.Write(model, 2.5));

        Assert.Equal(2.5, weight);
        Assert.Equal(model.Vocabulary.Words, loaded.Vocabulary.Words);
        var history = Ids(model.Vocabulary, "do you want");
        foreach (var word in model.Vocabulary.Words.Skip(3))
        {
            Assert.Equal(LogProb(model, history, word), LogProb(loaded, history, word), precision: 12);
        }
    }

    [Fact]
    public void Garbage_is_not_a_model_file() =>
        Assert.ThrowsAny<InvalidDataException>(() => NgramModelFile.Read([1, 2, 3, 4]));

    internal static List<int> Ids(Vocabulary vocabulary, string history) =>
        [Vocabulary.StartOfSentence, .. PhraseText.Tokenize(history).Select(vocabulary.IdOf)];

    internal static double LogProb(ILanguageModel model, IReadOnlyList<int> history, string word)
    {
        Span<double> logProb = stackalloc double[1];
        model.LogProbs(history, [model.Vocabulary.IdOf(word)], logProb);
        return logProb[0];
    }

    private static void AssertSumsToOne(ILanguageModel model, string history)
    {
        var vocabulary = model.Vocabulary;
        int[] predictable = [.. Enumerable.Range(0, vocabulary.Count).Where(id => id != Vocabulary.StartOfSentence)];
        var logProbs = new double[predictable.Length];
        model.LogProbs(Ids(vocabulary, history), predictable, logProbs);
        Assert.Equal(1.0, logProbs.Sum(Math.Exp), precision: 9);
    }
}
