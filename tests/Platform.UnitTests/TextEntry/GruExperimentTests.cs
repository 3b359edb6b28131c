using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Neural;
using Platform.Experiments.TextEntry.Reporting;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.TextEntry;

[Collection(LibTorchCollection.Name)]
public sealed class GruExperimentTests
{
    private static TextEntryParameters Tiny() => new()
    {
        ModelType = LanguageModelType.Gru,
        Dialogues = 80,
        TestPhrases = 12,
        BootstrapSamples = 200,
        BeamWidth = 8,
        GruEmbeddingSize = 16,
        GruHiddenSize = 32,
        GruEpochs = 3,
    };

    [Fact]
    public async Task Cancelling_during_training_stops_the_run_before_the_model_is_saved()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext
        {
            OnLog = point =>
            {
                if (point.Key == TextEntryMetrics.GruLoss)
                {
                    cancellation.Cancel();
                }
            },
        };
        IExperiment experiment = new TextEntryExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(Tiny(), context, cancellation.Token));

        Assert.Single(context.Series(TextEntryMetrics.GruLoss));
        Assert.DoesNotContain(GruModelFile.ArtifactName, context.Artifacts.Keys);
    }

    [Fact]
    public async Task A_second_attempt_resumes_with_the_trained_gru_and_reaches_the_same_result_without_training()
    {
        IExperiment experiment = new TextEntryExperiment();
        var first = new RecordingRunContext(seed: 11);
        var uninterrupted = await experiment.RunAsync(Tiny(), first, TestContext.Current.CancellationToken);

        var second = first.NextAttempt();
        var resumed = await experiment.RunAsync(Tiny(), second, TestContext.Current.CancellationToken);

        Assert.Empty(second.Series(TextEntryMetrics.GruLoss)); // no epoch ran again
        Assert.Contains(second.Lines, line => line.StartsWith("Resumed with the", StringComparison.Ordinal));
        Assert.Equal(uninterrupted.Metrics, resumed.Metrics);
    }

    [Fact]
    public async Task A_tiny_run_with_the_gru_reports_its_loss_perplexity_and_saving_rates()
    {
        var parameters = Tiny();
        var context = new RecordingRunContext(seed: 7);
        IExperiment experiment = new TextEntryExperiment();

        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);

        var losses = context.Series(TextEntryMetrics.GruLoss);
        Assert.Equal([1, 2, 3], losses.Select(p => p.Step));
        Assert.True(losses[^1].Value < losses[0].Value);
        Assert.Empty(context.Series(TextEntryMetrics.NgramCount));
        var metrics = summary.Metrics;
        Assert.InRange(metrics["perplexity.test"], 1, 1000);
        Assert.InRange(metrics["perplexity.test.no_context"], 1, 1000);
        Assert.InRange(metrics["ksr.keyboard"], 0, 1);
        Assert.Contains("ablation.keywords-fill-mask-no-context.ksr", metrics.Keys);
        Assert.Equal(12, context.Series(TextEntryMetrics.KsrAbbreviation).Count);
        var record = summary.Tables.Single(t => t.Title == "Run record");
        Assert.StartsWith("GRU", (string)record.Rows.Single(r => (string)r[0]! == "model")[1]!, StringComparison.Ordinal);
        Assert.DoesNotContain(NgramModelFile.ArtifactName, context.Artifacts.Keys);
        using var saved = GruModelFile.Read(context.Artifacts[GruModelFile.ArtifactName]);
        Assert.Equal(32, saved.Network.Shape.HiddenSize);
    }
}
