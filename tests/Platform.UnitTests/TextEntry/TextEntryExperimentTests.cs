using System.Text;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.TextEntry;

public sealed class TextEntryExperimentTests
{
    private static TextEntryParameters Tiny() => new()
    {
        Dialogues = 120,
        TestPhrases = 24,
        BootstrapSamples = 200,
        BeamWidth = 8,
    };

    private static async Task<(RunSummary Summary, RecordingRunContext Context)> RunAsync(TextEntryParameters parameters)
    {
        var context = new RecordingRunContext(seed: 7);
        IExperiment experiment = new TextEntryExperiment();
        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);
        return (summary, context);
    }

    [Fact]
    public async Task A_tiny_run_reports_both_saving_rates_with_intervals_ablations_and_artifacts()
    {
        var (summary, context) = await RunAsync(Tiny());
        foreach (var (key, value) in summary.Metrics.OrderBy(m => m.Key))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{key} = {value}");
        }

        var metrics = summary.Metrics;
        Assert.InRange(metrics["ksr.abbreviation"], -1, 1);
        Assert.InRange(metrics["ksr.keyboard"], 0, 1);
        Assert.True(metrics["ksr.abbreviation.ci_low"] <= metrics["ksr.abbreviation"] && metrics["ksr.abbreviation"] <= metrics["ksr.abbreviation.ci_high"]);
        Assert.True(metrics["ksr.keyboard.ci_low"] <= metrics["ksr.keyboard"] && metrics["ksr.keyboard"] <= metrics["ksr.keyboard.ci_high"]);
        Assert.Equal(0, metrics["ksr.plain"], precision: 9);
        Assert.Equal(24, metrics["phrases"]);
        Assert.Equal(1.0, metrics["resolved.initials"] + metrics["resolved.keywords"] + metrics["resolved.fill-mask"] + metrics["resolved.spelled"], precision: 9);
        Assert.Contains("ablation.initials-only.ksr", metrics.Keys);
        Assert.Contains("ablation.keywords-fill-mask-no-context.ksr", metrics.Keys);
        Assert.Contains(summary.Claims, c => c.PaperValue == 57 && c.MeasuredValue is not null);
        Assert.Equal(4, summary.Tables.Count);

        Assert.Equal(24, context.Series(TextEntryMetrics.KsrAbbreviation).Count);
        Assert.Equal(metrics["ksr.abbreviation"], context.Series(TextEntryMetrics.KsrAbbreviation)[^1].Value, precision: 9);
        var traces = Encoding.UTF8.GetString(context.Artifacts["traces.jsonl"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(24, traces.Length);
        var (model, weight) = NgramModelFile.Read(context.Artifacts[NgramModelFile.ArtifactName]);
        Assert.Equal(3, model.Order);
        Assert.Equal(4, weight);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_between_phrases()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext
        {
            OnLog = point =>
            {
                if (point.Key == TextEntryMetrics.KsrAbbreviation)
                {
                    cancellation.Cancel();
                }
            },
        };
        IExperiment experiment = new TextEntryExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(Tiny(), context, cancellation.Token));

        Assert.Single(context.Series(TextEntryMetrics.KsrAbbreviation));
        Assert.DoesNotContain("traces.jsonl", context.Artifacts.Keys);
    }

    [Fact]
    public async Task An_uploaded_corpus_is_used_and_its_hash_recorded()
    {
        // Turns repeat across dialogues; the first ones combine two numbers, so most test dialogues open with a turn no
        // training dialogue has, and only those are simulated.
        var corpus = string.Join("\n\n", Enumerable.Range(0, 40).Select(i =>
            $"do you want {i % 7} teas or {i % 11} coffees\nyes, some tea please\nhere is your tea\nthank you"));
        var parameters = Tiny();
        parameters.UploadedCorpus = InMemoryDatasets.Shared.Add(System.Text.Encoding.UTF8.GetBytes(corpus), CorpusDataset.Format);
        parameters.RunAblations = false;

        var (summary, context) = await RunAsync(parameters);

        var record = summary.Tables.Single(t => t.Title == "Run record");
        Assert.StartsWith($"uploaded dataset {parameters.UploadedCorpus}", (string)record.Rows[0][1]!, StringComparison.Ordinal);
        Assert.Equal(64, ((string)record.Rows[1][1]!).Length);
        Assert.Contains(context.Lines, line => line.Contains((string)record.Rows[1][1]!, StringComparison.Ordinal));
        Assert.True(summary.Metrics["vocabulary"] < 30);
    }

    [Fact]
    public async Task A_cheap_headline_judges_exactly_the_declared_claims_over_the_declared_assumptions()
    {
        var experiment = new TextEntryExperiment();
        var headline = (TextEntryParameters)experiment.Presets.Single(p => p.Name == ExperimentPreset.HeadlineName).Parameters;
        var cheap = Tiny();
        cheap.TestPhrases = 48;
        cheap.RunAblations = headline.RunAblations;
        cheap.Strategy = headline.Strategy;
        cheap.ContextTurns = headline.ContextTurns;
        cheap.Corpus = headline.Corpus;
        cheap.RealSentences = 200;

        var (summary, _) = await RunAsync(cheap);

        var predicted = summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).ToList();
        Assert.Equal(experiment.Evidence.PredictedClaims, predicted.Select(c => c.Claim));
        Assert.Empty(experiment.Evidence.Calibrations);
        Assert.Empty(summary.Calibrations);
        Assert.All(predicted, c =>
        {
            Assert.NotNull(c.Band);
            Assert.True(c.Range!.Value.Contains(c.MeasuredValue!.Value), c.Claim);
            Assert.Contains(c.Verdict, new ClaimVerdict?[] { ClaimVerdict.Supported, ClaimVerdict.Inconclusive, ClaimVerdict.Contradicted });
        });
        Assert.All(summary.Claims.Where(c => c.Basis != ClaimBasis.Predicted), c => Assert.Null(c.Verdict));
        // Real sentences are not generated, so the generator's context overlap is no assumption of the headline.
        Assert.Equal(
            ["KeyboardSuggestions", "SecondsPerKeystroke", "SecondsPerSelection", "ModelLatencySeconds"],
            summary.Assumptions.Select(a => a.Name));
    }

    [Fact]
    public void Presets_include_the_headline_and_are_valid()
    {
        var experiment = new TextEntryExperiment();

        Assert.Contains(experiment.Presets, p => p.Name == ExperimentPreset.HeadlineName);
        Assert.All(experiment.Presets, p => Assert.Empty(((TextEntryParameters)p.Parameters).Validate()));
    }
}
