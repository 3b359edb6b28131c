using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.RealData;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Reporting;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.TextEntry;

/// <summary>Small runs on the real sentences the set-up step fetched (npm nlp-corpus) against the templated corpus.</summary>
public sealed class RealSentencesRunTests
{
    private static async Task<RunSummary> RunAsync(TextEntryParameters parameters)
    {
        IExperiment experiment = new TextEntryExperiment();
        return await experiment.RunAsync(parameters, new RecordingRunContext(seed: 7), TestContext.Current.CancellationToken);
    }

    private static TextEntryParameters Small(TextEntryCorpus corpus) => new()
    {
        Corpus = corpus,
        RealSentences = 3000,
        Dialogues = 300,
        ContextTurns = corpus == TextEntryCorpus.Synthetic ? 1 : 0,
        TestPhrases = 60,
        RunAblations = false,
        BootstrapSamples = 200,
        BeamWidth = 8,
    };

    /// <summary>
    /// Templated dialogues have a closed vocabulary a keyboard predicts almost perfectly; real English does not. A run
    /// that read the templated corpus (or a handful of repeated sentences) for "real" would save as much as it.
    /// </summary>
    [Fact]
    public async Task The_keyboard_saves_less_on_real_sentences_than_on_templated_dialogues()
    {
        var real = await RunAsync(Small(TextEntryCorpus.RealSentences));
        var synthetic = await RunAsync(Small(TextEntryCorpus.Synthetic));

        var (realKsr, syntheticKsr) = (real.Metrics["ksr.keyboard"], synthetic.Metrics["ksr.keyboard"]);
        TestContext.Current.TestOutputHelper?.WriteLine($"keyboard KSR: real {realKsr:F3}, templated {syntheticKsr:F3}");
        Assert.True(realKsr < syntheticKsr - 0.1, $"real {realKsr:F3} vs templated {syntheticKsr:F3}");
        Assert.InRange(realKsr, 0.05, 0.65);
    }

    [Fact]
    public async Task On_real_sentences_the_context_claims_are_not_comparable_and_say_why()
    {
        var summary = await RunAsync(Small(TextEntryCorpus.RealSentences));

        foreach (var claim in new[] { Claims.ContextAccuracyClaim, Claims.ContextSavingsClaim, Claims.NaaclAccuracyClaim, Claims.ExactExpansionClaim })
        {
            var check = Assert.Single(summary.Claims, c => c.Claim == claim);
            Assert.Equal(ClaimBasis.NotComparable, check.Basis);
            Assert.Contains("no dialogue turns", check.Note!, StringComparison.Ordinal);
        }
        Assert.Contains(summary.Claims, c => c.Claim == Claims.MotorSavingsClaim && c.Basis == ClaimBasis.Predicted);
    }

    [Fact]
    public void Real_sentences_are_one_turn_dialogues_of_2_to_15_words()
    {
        var dialogues = RealSentenceCorpus.Load(RealDataFiles.Default, 500);

        Assert.Equal(500, dialogues.Count);
        Assert.All(dialogues, d => Assert.True(d.Turns.Count == 1 && RealSentenceCorpus.Usable(d.Turns[0])));
        Assert.True(dialogues.Select(d => d.Turns[0]).Distinct().Count() > 490);
    }
}
