using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FederatedPromptExperimentTests
{
    [Fact]
    public async Task A_tiny_run_of_every_method_completes_logs_every_round_and_judges_the_claims()
    {
        var context = new RecordingRunContext(seed: 3);
        var cache = TinyRun.TemporaryCache();
        IExperiment experiment = new FederatedPromptExperiment(cache);

        var summary = await experiment.RunAsync(TinyRun.Parameters(), context, TestContext.Current.CancellationToken);

        foreach (var method in MethodNames.All)
        {
            Assert.Equal([0L, 1L, 2L], context.Series(M.Of(M.Accuracy, method)).Select(p => p.Step));
            Assert.Equal([1L, 2L], context.Series(M.Of(M.CumulativeMb, method)).Select(p => p.Step));
            Assert.True(summary.Metrics[$"{method}.total-mb"] > 0);
        }

        // Methods that train on all local data must lower the global test loss within two rounds. The pruned SFPrompt
        // variants train on 30 hard samples of a barely pre-trained tiny backbone, which two rounds do not reliably
        // improve; their mechanics are tested on their own in SplitStepTests.
        foreach (var method in new[] { MethodNames.FlFull, MethodNames.FlPrompt, MethodNames.SflFull, MethodNames.SfPromptNoPrune })
        {
            var loss = context.Series(M.Of(M.TestLoss, method));
            Assert.True(loss[^1].Value < loss[0].Value, $"{method}: {string.Join(" -> ", loss.Select(p => p.Value))}");
        }

        Assert.NotEmpty(context.Series(M.Of(M.El2nMean, MethodNames.SfPrompt)));
        Assert.Empty(context.Series(M.Of(M.El2nMean, MethodNames.SfPromptRandom)));
        Assert.Equal(30, context.Series(M.Of(M.KeptPerClient, MethodNames.SfPrompt))[0].Value);
        Assert.Equal(3, summary.Claims.Count);
        Assert.All(summary.Claims, claim => Assert.NotNull(claim.MeasuredValue));
        Assert.Equal(MethodNames.All.Count, summary.Tables[0].Rows.Count);
        Assert.Equal(1.0, context.Progress[^1].Fraction, 6);
        Assert.NotEmpty(context.Series(M.PretrainAccuracy));
        Directory.Delete(cache.Directory, recursive: true);
    }

    [Fact]
    public async Task Cancelling_during_the_first_round_stops_the_run()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext(seed: 3)
        {
            OnLog = point =>
            {
                if (point.Key.StartsWith(M.TrainLoss, StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            },
        };
        var parameters = TinyRun.Parameters();
        parameters.Rounds = 50;
        parameters.PretrainedWeights = Convert.ToBase64String(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)));
        IExperiment experiment = new FederatedPromptExperiment(TinyRun.TemporaryCache());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(parameters, context, cancellation.Token));

        Assert.Single(context.Series(M.Of(M.TrainLoss, MethodNames.All[0])));
    }
}
