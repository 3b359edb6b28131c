using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class SamplesSweepTests
{
    [Fact]
    public async Task The_sweep_finds_where_sfprompt_bytes_overtake_fedavg_bytes()
    {
        // Tiny model: FedAvg moves ~2 x 90 kB per client-round; SFPrompt ~10.7 kB per kept sample (keep 0.75), so it is
        // cheaper with 8 samples per client and dearer with 64.
        var parameters = TinyRun.Parameters();
        parameters.Methods = [MethodNames.FlFull, MethodNames.SfPrompt];
        parameters.Rounds = 1;
        parameters.SweepSamplesPerClient = [64, 8];
        parameters.PretrainedWeights = Convert.ToBase64String(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)));
        var context = new RecordingRunContext();
        IExperiment experiment = new FederatedPromptExperiment(TinyRun.TemporaryCache());

        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);

        var sfprompt = context.Series(M.Of(M.SweepMbPerClientRound, MethodNames.SfPrompt));
        var full = context.Series(M.Of(M.SweepMbPerClientRound, MethodNames.FlFull));
        Assert.Equal([8L, 64L], sfprompt.Select(p => p.Step));
        Assert.True(sfprompt[0].Value < full[0].Value && sfprompt[1].Value > full[1].Value);
        Assert.Equal(full[0].Value, full[1].Value, 9);
        Assert.Equal(64, summary.Metrics["crossover-samples-per-client"]);
        Assert.Equal(ClaimVerdict.Supported, Assert.Single(summary.Claims).Verdict);
        Assert.Equal(4, summary.Tables[0].Rows.Count);
    }
}
