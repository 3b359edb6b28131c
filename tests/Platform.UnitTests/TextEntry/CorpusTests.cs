using System.Text;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Simulation;
using Platform.Experiments.TextEntry.Text;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.TextEntry;

public sealed class CorpusTests
{
    private static string Valid(int dialogues = 12) =>
        string.Join("\n\n", Enumerable.Range(0, dialogues).Select(i => $"how are you {i}\ni am fine, thanks\ngood to hear"));

    [Fact]
    public void A_well_formed_upload_parses_into_dialogues()
    {
        var (dialogues, errors) = CorpusParser.Parse(Valid().Replace("\n", "\r\n", StringComparison.Ordinal) + "\n\n\n");

        Assert.Empty(errors);
        Assert.Equal(12, dialogues.Count);
        Assert.Equal(["how are you 0", "i am fine, thanks", "good to hear"], dialogues[0].Turns);
    }

    [Theory]
    [InlineData("only one turn\n\n", "Line 1: a dialogue needs at least two turns")]
    [InlineData("hello\n!!!\n\n", "Line 2: a turn needs at least one word")]
    [InlineData("hello\nbad \u0001 byte\n\n", "Line 2: contains a control character")]
    public void A_malformed_upload_is_rejected_with_its_line(string prefix, string message)
    {
        var (_, errors) = CorpusParser.Parse(prefix + Valid());

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_dialogues_and_overlong_turns_are_rejected()
    {
        Assert.Contains("at least 10 dialogues", Assert.Single(CorpusParser.Parse(Valid(3)).Errors), StringComparison.Ordinal);
        Assert.Contains("at most 400 characters", CorpusParser.Parse(new string('a', 401) + "\nok\n\n" + Valid()).Errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("just one line", "two turns")]
    public async Task Parameters_report_a_bad_upload_against_the_corpus_field(string text, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var parameters = new TextEntryParameters { UploadedCorpus = InMemoryDatasets.Shared.Add(Encoding.UTF8.GetBytes(text), CorpusDataset.Format) };

        var (field, message) = Assert.Single(await parameters.ValidateDatasetsAsync(InMemoryDatasets.Shared, ct).ToListAsync(ct));

        Assert.Equal("uploadedCorpus", field);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        var valid = new TextEntryParameters { UploadedCorpus = InMemoryDatasets.Shared.Add(Encoding.UTF8.GetBytes(Valid()), CorpusDataset.Format) };
        Assert.Empty(await valid.ValidateDatasetsAsync(InMemoryDatasets.Shared, ct).ToListAsync(ct));
    }

    [Fact]
    public async Task A_corpus_that_is_not_utf8_or_too_large_is_refused_before_it_is_parsed()
    {
        var ct = TestContext.Current.CancellationToken;
        var latin1 = new TextEntryParameters { UploadedCorpus = InMemoryDatasets.Shared.Add([0x63, 0x61, 0x66, 0xE9, 0x0A], CorpusDataset.Format) };
        var large = new TextEntryParameters { UploadedCorpus = InMemoryDatasets.Shared.Add(new byte[CorpusDataset.MaxBytes + 1], CorpusDataset.Format) };

        Assert.Contains("not UTF-8", Assert.Single(await latin1.ValidateDatasetsAsync(InMemoryDatasets.Shared, ct).ToListAsync(ct)).Message, StringComparison.Ordinal);
        Assert.Contains("at most 4,194,304", Assert.Single(await large.ValidateDatasetsAsync(InMemoryDatasets.Shared, ct).ToListAsync(ct)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_is_reproducible_and_reuses_context_words_when_asked()
    {
        var first = SyntheticDialogues.Generate(50, 1.0, new Random(3));
        var again = SyntheticDialogues.Generate(50, 1.0, new Random(3));

        Assert.Equal(first.SelectMany(d => d.Turns), again.SelectMany(d => d.Turns));
        Assert.All(first, d => Assert.Equal(6, d.Turns.Count));
        Assert.Equal(CorpusSplit.HashOf(first), CorpusSplit.HashOf(again));
        Assert.NotEqual(CorpusSplit.HashOf(first), CorpusSplit.HashOf(SyntheticDialogues.Generate(50, 1.0, new Random(4))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_script_template_or_filled_turn_is_shared_between_training_and_test(int seed)
    {
        var split = new SyntheticCorpus(400, 0.1, 0.2, seed).Split(contextOverlap: 0.7);
        HashSet<int> Scripts(IEnumerable<Dialogue> dialogues) => [.. dialogues.Select(d => d.Script!.Value)];
        HashSet<string> Templates(IEnumerable<int> scripts) => [.. scripts.SelectMany(s => DialogueTopics.All[s]).SelectMany(variants => variants)];
        HashSet<string> Turns(IEnumerable<Dialogue> dialogues) => [.. dialogues.SelectMany(d => d.Turns).Select(t => PhraseText.Render(PhraseText.Tokenize(t)))];
        var (train, dev, test) = (Scripts(split.Train), Scripts(split.Dev), Scripts(split.Test));

        Assert.Empty(train.Intersect(test));
        Assert.Empty(train.Intersect(dev));
        Assert.Empty(Templates(train).Intersect(Templates(test)));
        Assert.Empty(Turns(split.Train).Intersect(Turns(split.Test)));
        Assert.Empty(Turns(split.Train).Intersect(Turns(split.Dev)));
        Assert.Equal((280, 40, 80), (split.Train.Count, split.Dev.Count, split.Test.Count));
    }

    [Fact]
    public void The_test_split_at_another_overlap_differs_only_where_a_filler_is_reused()
    {
        var corpus = new SyntheticCorpus(200, 0.1, 0.2, seed: 4);

        var low = corpus.Test(0.3);
        var high = corpus.Test(0.9);

        // Same draws at every overlap: the same scripts and templates, so most turns (all that reuse no filler) come
        // out word for word; a generator whose draws depended on the overlap would share almost none after a dialogue.
        Assert.Equal(corpus.Split(0.9).Test.SelectMany(d => d.Turns), high.SelectMany(d => d.Turns));
        Assert.Equal(low.Select(d => d.Script), high.Select(d => d.Script));
        var same = low.SelectMany(d => d.Turns).Zip(high.SelectMany(d => d.Turns)).Count(pair => pair.First == pair.Second);
        Assert.InRange(same, (low.Count * 6 / 2) + 1, (low.Count * 6) - 1);
    }

    [Fact]
    public void A_test_phrase_that_is_a_training_turn_is_not_evaluated()
    {
        Dialogue[] training = [new(["do you want tea", "yes, please"])];
        Dialogue[] test = [new(["do you want coffee", "Yes, please!", "here you are"])];

        var phrases = TestPhrase.HeldOut(test, training, contextTurns: 1).Select(p => p.Text).ToList();

        Assert.Equal(["do you want coffee", "here you are"], phrases);
    }

    [Fact]
    public void Splits_are_by_whole_dialogue()
    {
        var dialogues = SyntheticDialogues.Generate(100, 0.5, new Random(1));

        var split = CorpusSplit.Of(dialogues, 0.1, 0.2, new Random(2));

        Assert.Equal((70, 10, 20), (split.Train.Count, split.Dev.Count, split.Test.Count));
        Assert.Equal(100, split.Train.Concat(split.Dev).Concat(split.Test).Distinct().Count());
    }
}
