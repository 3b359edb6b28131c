using System.Text;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Running;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class SamplesSweepTests
{
    [Fact]
    public async Task The_sweep_finds_where_sfprompt_bytes_overtake_fedavg_bytes()
    {
        var context = new RecordingRunContext();

        var summary = await Experiment().RunAsync(Parameters(), context, TestContext.Current.CancellationToken);

        var sfprompt = context.Series(M.Of(M.SweepMbPerClientRound, MethodNames.SfPrompt));
        var full = context.Series(M.Of(M.SweepMbPerClientRound, MethodNames.FlFull));
        Assert.Equal([8L, 64L], sfprompt.Select(p => p.Step));
        Assert.True(sfprompt[0].Value < full[0].Value && sfprompt[1].Value > full[1].Value);
        Assert.Equal(full[0].Value, full[1].Value, 9);
        Assert.Equal(64, summary.Metrics["crossover-samples-per-client"]);
        var claim = Assert.Single(summary.Claims);
        Assert.Equal(ClaimBasis.NotComparable, claim.Basis);
        Assert.Equal(64, claim.MeasuredValue);
        Assert.Equal(4, summary.Tables[0].Rows.Count);
    }

    [Fact]
    public async Task A_sweep_stopped_after_its_first_size_resumes_with_the_next_and_ends_where_an_uninterrupted_one_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = await Experiment().RunAsync(Parameters(), new RecordingRunContext(seed: 3), ct);

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var first = new ShutdownAfterCheckpointContext(new RecordingRunContext(seed: 3), 1, shutdown);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Experiment().RunAsync(Parameters(), first, shutdown.Token));
        var second = first.Inner.NextAttempt();
        var resumed = await Experiment().RunAsync(Parameters(), second, ct);

        Assert.Contains("Resumed the sweep from a checkpoint: 1 of 2 sizes done (8 samples per client)", second.Lines);
        var key = M.Of(M.SweepMbPerClientRound, MethodNames.SfPrompt);
        Assert.Equal([8L], first.Inner.Series(key).Select(p => p.Step));
        Assert.Equal([64L], second.Series(key).Select(p => p.Step));
        Assert.Equal(expected.Metrics, resumed.Metrics);
        Assert.Equal(expected.Claims.Select(c => (c.MeasuredValue, c.Verdict)), resumed.Claims.Select(c => (c.MeasuredValue, c.Verdict)));
        // The table has no wall-clock column, so its rows match exactly, in order.
        Assert.Equal(expected.Tables[0].Rows.Select(r => string.Join("|", r)), resumed.Tables[0].Rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public async Task A_sweep_checkpoint_from_other_parameters_fails_the_run_naming_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = new RecordingRunContext(seed: 3);
        await Experiment().RunAsync(Parameters(), saved, ct);

        var otherSeed = new RecordingRunContext(seed: 4);
        await otherSeed.CheckpointAsync(SweepCheckpoint.Name, saved.Checkpoints[SweepCheckpoint.Name], ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Experiment().RunAsync(Parameters(), otherSeed.NextAttempt(), ct));

        Assert.Contains($"'{SweepCheckpoint.Name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("other parameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_checkpoint_computed_from_other_pretrained_weights_starts_the_sweep_over()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = new RecordingRunContext(seed: 3);
        await Experiment().RunAsync(Parameters(), saved, ct);
        var state = JsonNode.Parse(saved.Checkpoints[SweepCheckpoint.Name])!;
        state["Weights"] = "the weights of another worker";

        var retry = new RecordingRunContext(seed: 3);
        await retry.CheckpointAsync(SweepCheckpoint.Name, Encoding.UTF8.GetBytes(state.ToJsonString()), ct);
        var next = retry.NextAttempt();
        await Experiment().RunAsync(Parameters(), next, ct);

        Assert.Contains(next.Lines, l => l.Contains("so the sweep starts over", StringComparison.Ordinal));
        Assert.Equal([8L, 64L], next.Series(M.Of(M.SweepMbPerClientRound, MethodNames.SfPrompt)).Select(p => p.Step));
    }

    private static IExperiment Experiment() => new FederatedPromptExperiment(TinyRun.TemporaryCache());

    /// <summary>
    /// Tiny model: FedAvg moves ~2 x 97 kB per client-round; SFPrompt ~10.8 kB per kept sample (keep 0.75) plus ~5.4 kB
    /// per sample scored, so it is cheaper with 8 samples per client and dearer with 64.
    /// </summary>
    private static FederatedPromptParameters Parameters()
    {
        var parameters = TinyRun.Parameters();
        parameters.Methods = [MethodNames.FlFull, MethodNames.SfPrompt];
        parameters.Rounds = 1;
        parameters.SweepSamplesPerClient = [64, 8];
        parameters.PretrainedWeights = InMemoryDatasets.Shared.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)), "safetensors");
        return parameters;
    }
}
