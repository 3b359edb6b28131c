using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FederatedPromptExperimentTests
{
    [Fact]
    public async Task A_tiny_run_of_every_method_completes_reduces_loss_and_judges_the_claims()
    {
        var context = new RecordingRunContext(seed: 3);
        var cache = TinyRun.TemporaryCache();
        IExperiment experiment = new FederatedPromptExperiment(cache);

        var summary = await experiment.RunAsync(TinyRun.Parameters(), context, TestContext.Current.CancellationToken);

        var losses = string.Join("; ", MethodNames.All.Select(m => $"{m}: {string.Join(" -> ", context.Series(M.Of(M.TestLoss, m)).Select(p => p.Value.ToString("F3")))}"));
        foreach (var method in MethodNames.All)
        {
            var accuracy = context.Series(M.Of(M.Accuracy, method));
            Assert.Equal([0L, 1L, 2L], accuracy.Select(p => p.Step));
            var loss = context.Series(M.Of(M.TestLoss, method));
            Assert.True(loss[^1].Value < loss[0].Value, losses + string.Join("\n", context.Lines));
            Assert.True(summary.Metrics[$"{method}.total-mb"] > 0);
        }

        Assert.Equal(3, summary.Claims.Count);
        Assert.All(summary.Claims, claim => Assert.NotNull(claim.MeasuredValue));
        Assert.Equal(MethodNames.All.Count, summary.Tables[0].Rows.Count);
        Assert.Equal(1.0, context.Progress[^1].Fraction, 6);
        Assert.NotEmpty(context.Series(M.PretrainAccuracy));
        Directory.Delete(cache.Directory, recursive: true);
    }
}
