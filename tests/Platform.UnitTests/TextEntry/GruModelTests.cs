using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Neural;
using Platform.Experiments.TextEntry.Text;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.TextEntry;

[Collection(LibTorchCollection.Name)]
public sealed class GruModelTests
{
    // "the bedroom" is planted as the most frequent way to end "i saw him play in t b"; the rest share its initials.
    private static readonly string[] s_planted =
    [
        "i saw him play in the bedroom", "i saw him play in the bedroom", "i saw him play in the bedroom",
        "i sat here playing in the bath", "it should help people in town", "i saw her play in the basement",
        "i see him put in the bag", "i saw his plan in the book",
    ];

    // The reply repeats what was offered, so only the previous turn tells tea from toast.
    private static readonly string[][] s_offers =
    [
        ["do you want tea", "yes tea please"], ["do you want toast", "yes toast please"],
        ["do you want tea", "yes tea please"], ["do you want toast", "yes toast please"],
    ];

    internal static async Task<(GruDialogueModel Model, List<double> Losses)> TrainAsync(IEnumerable<string[]> dialogues, int epochs)
    {
        torch.manual_seed(11);
        var list = dialogues.Select(turns => new Dialogue(turns)).ToList();
        var vocabulary = new Vocabulary(list.SelectMany(d => d.Turns).SelectMany(PhraseText.Tokenize));
        var losses = new List<double>();
        var network = await GruTrainer.TrainAsync(
            [.. list.Select(d => DialogueStreams.Of(vocabulary, d))], new GruShape(vocabulary.Count, 16, 32),
            new GruTrainingSettings(epochs, 4, 0.02), new Random(5),
            (_, loss) =>
            {
                losses.Add(loss);
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);
        return (new GruDialogueModel(network, vocabulary), losses);
    }

    private static string[][] Singles(IEnumerable<string> sentences) => [.. sentences.Select(s => new[] { s })];

    [Fact]
    public async Task Training_lowers_the_loss()
    {
        var (model, losses) = await TrainAsync(Singles(s_planted), epochs: 20);
        using var _ = model;

        Assert.Equal(20, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < 0.5 * losses[0], $"loss {losses[0]:F3} -> {losses[^1]:F3}");
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("i saw", null)]
    [InlineData("never seen words", null)]
    [InlineData("yes", "do you want toast")]
    public async Task Probabilities_sum_to_one_over_the_vocabulary(string history, string? previousTurn)
    {
        var (model, _) = await TrainAsync(Singles(s_planted), epochs: 2);
        using var _ = model;
        var language = model.Given(previousTurn is null ? [] : [PhraseText.Tokenize(previousTurn)]);
        var vocabulary = model.Vocabulary;
        int[] predictable = [.. Enumerable.Range(0, vocabulary.Count).Where(id => id != Vocabulary.StartOfSentence)];
        var logProbs = new double[predictable.Length];

        language.LogProbs(NgramModelTests.Ids(vocabulary, history), predictable, logProbs);

        Assert.Equal(1.0, logProbs.Sum(Math.Exp), precision: 4);
    }

    [Fact]
    public async Task Batched_scoring_gives_what_one_history_at_a_time_gives()
    {
        var (model, _) = await TrainAsync(Singles(s_planted), epochs: 3);
        using var _ = model;
        var vocabulary = model.Vocabulary;
        List<int>[] histories = [.. new[] { "i saw", "i saw him", "it should", "i", "" }.Select(h => NgramModelTests.Ids(vocabulary, h))];
        var batched = new GruLanguageModel(model.Network, vocabulary, []);

        batched.Prefetch(histories);

        foreach (var history in histories)
        {
            var alone = new GruLanguageModel(model.Network, vocabulary, []);
            foreach (var word in vocabulary.Words.Skip(3))
            {
                Assert.Equal(NgramModelTests.LogProb(alone, history, word), NgramModelTests.LogProb(batched, history, word), precision: 4);
            }
        }
    }

    [Fact]
    public async Task Beam_search_with_the_gru_ranks_the_planted_phrase_first()
    {
        var (model, _) = await TrainAsync(Singles(s_planted), epochs: 40);
        using var _ = model;

        var candidates = new AbbreviationExpander(model.Alone, beamWidth: 16).Expand(TypedAbbreviation.Parse("ishpitb"), topN: 5);

        Assert.Equal("i saw him play in the bedroom", candidates[0].Text);
        Assert.All(candidates, c => Assert.Equal("ishpitb", AbbreviationRules.Abbreviate(c.Tokens)));
    }

    [Fact]
    public async Task The_previous_turn_conditions_the_reply()
    {
        var (model, _) = await TrainAsync(s_offers, epochs: 40);
        using var _ = model;
        var history = NgramModelTests.Ids(model.Vocabulary, "yes");

        var afterToast = model.Given([PhraseText.Tokenize("do you want toast")]);
        var afterTea = model.Given([PhraseText.Tokenize("do you want tea")]);

        Assert.True(NgramModelTests.LogProb(afterToast, history, "toast") > NgramModelTests.LogProb(afterToast, history, "tea"));
        Assert.True(NgramModelTests.LogProb(afterTea, history, "tea") > NgramModelTests.LogProb(afterTea, history, "toast"));
    }

    [Fact]
    public async Task The_model_file_round_trips_and_the_assistant_loads_it()
    {
        var (model, _) = await TrainAsync(s_offers, epochs: 40);
        using var _ = model;

        var bytes = GruModelFile.Write(model);
        using var loaded = Assert.IsType<GruDialogueModel>(DialogueModelFile.Read(bytes));

        Assert.Equal(model.Vocabulary.Words, loaded.Vocabulary.Words);
        var history = NgramModelTests.Ids(model.Vocabulary, "do you want");
        foreach (var word in model.Vocabulary.Words.Skip(3))
        {
            Assert.Equal(NgramModelTests.LogProb(model.Alone, history, word), NgramModelTests.LogProb(loaded.Alone, history, word), precision: 6);
        }

        var suggestions = TextEntryAssistant.Load(bytes).Expand("ytp", partnerTurn: "do you want toast", topN: 3);
        Assert.Equal("yes toast please", suggestions[0].Phrase);
    }
}
