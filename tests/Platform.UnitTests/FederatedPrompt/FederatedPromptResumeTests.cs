using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Running;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FederatedPromptResumeTests
{
    private const int Rounds = 4;
    private const int StoppedAfter = 2;

    [Fact]
    public async Task A_run_stopped_after_a_round_checkpoint_resumes_on_its_next_attempt_and_ends_where_an_uninterrupted_run_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var uninterrupted = new RecordingRunContext(seed: 3);
        var expected = await Experiment().RunAsync(Parameters(), uninterrupted, ct);

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var first = new ShutdownAfterCheckpointContext(new RecordingRunContext(seed: 3), StoppedAfter, shutdown);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Experiment().RunAsync(Parameters(), first, shutdown.Token));
        var second = first.Inner.NextAttempt();
        var resumed = await Experiment().RunAsync(Parameters(), second, ct);

        Assert.Contains($"Resumed at round {StoppedAfter} of {Rounds} from a checkpoint", second.Lines);
        Assert.Equal(expected.Metrics.Keys.Order(), resumed.Metrics.Keys.Order());
        foreach (var (key, value) in expected.Metrics.Where(m => !IsWallClock(m.Key)))
        {
            Assert.True(value == resumed.Metrics[key], $"{key}: uninterrupted {value:R}, resumed {resumed.Metrics[key]:R}");
        }
        Assert.Equal(expected.Claims.Select(c => c.MeasuredValue), resumed.Claims.Select(c => c.MeasuredValue));

        foreach (var method in MethodNames.All)
        {
            var key = M.Of(M.Accuracy, method);
            Assert.Equal(Enumerable.Range(0, StoppedAfter + 1).Select(r => (long)r), first.Inner.Series(key).Select(p => p.Step));
            Assert.Equal(Enumerable.Range(StoppedAfter + 1, Rounds - StoppedAfter).Select(r => (long)r), second.Series(key).Select(p => p.Step));
        }

        // Both attempts together hold every point of the uninterrupted run once, with the same value.
        var together = first.Inner.Points.Concat(second.Points).Where(p => !IsWallClock(p.Key)).ToList();
        Assert.Equal(together.Count, together.Select(p => (p.Key, p.Step)).Distinct().Count());
        Assert.Equal(
            uninterrupted.Points.Where(p => !IsWallClock(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Step),
            together.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Step));
    }

    [Fact]
    public async Task A_checkpoint_that_is_not_a_round_checkpoint_fails_the_run_naming_it()
    {
        var context = new RecordingRunContext(seed: 3);
        await context.CheckpointAsync(RoundCheckpoint.Name, "not a checkpoint at all"u8.ToArray(), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Experiment().RunAsync(Parameters(), context.NextAttempt(), TestContext.Current.CancellationToken));

        Assert.Contains($"'{RoundCheckpoint.Name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_checkpoint_or_one_from_other_parameters_fails_the_run_naming_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var parameters = Parameters();
        parameters.Methods = [MethodNames.SflFull, MethodNames.SfPrompt];
        parameters.Rounds = 1;
        var saved = new RecordingRunContext(seed: 3);
        await Experiment().RunAsync(parameters, saved, ct);
        var state = saved.Checkpoints[RoundCheckpoint.Name];

        var truncated = new RecordingRunContext(seed: 3);
        await truncated.CheckpointAsync(RoundCheckpoint.Name, state[..(state.Length / 2)], ct);
        var cut = await Assert.ThrowsAsync<InvalidDataException>(() => Experiment().RunAsync(parameters, truncated.NextAttempt(), ct));

        var otherSeed = new RecordingRunContext(seed: 4);
        await otherSeed.CheckpointAsync(RoundCheckpoint.Name, state, ct);
        var foreign = await Assert.ThrowsAsync<InvalidDataException>(() => Experiment().RunAsync(parameters, otherSeed.NextAttempt(), ct));

        Assert.Contains($"'{RoundCheckpoint.Name}'", cut.Message, StringComparison.Ordinal);
        Assert.Contains("other parameters", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attempt_whose_worker_has_other_pretrained_weights_starts_over_instead_of_mixing_them_with_the_checkpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        // No upload: the weights come from each worker's cache, and the second worker's differ in one value.
        var parameters = TinyRun.Parameters();
        parameters.Rounds = Rounds;
        var weights = MethodHarness.RandomWeights(TinyRun.Config);
        var first = await CacheHoldingAsync(parameters, weights, ct);
        weights.First().Value.Values[0] += 0.5f;
        var second = await CacheHoldingAsync(parameters, weights, ct);
        var reference = new RecordingRunContext(seed: 3);
        await new FederatedPromptExperiment(second).RunAsync(parameters, reference, ct);

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stopped = new ShutdownAfterCheckpointContext(new RecordingRunContext(seed: 3), StoppedAfter, shutdown);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FederatedPromptExperiment(first).RunAsync(parameters, stopped, shutdown.Token));
        var retry = stopped.Inner.NextAttempt();
        await new FederatedPromptExperiment(second).RunAsync(parameters, retry, ct);

        Assert.Contains(retry.Lines, l => l.Contains("starts over from round 0", StringComparison.Ordinal));
        var key = M.Of(M.Accuracy, MethodNames.SfPrompt);
        Assert.Equal(Enumerable.Range(0, Rounds + 1).Select(r => (long)r), retry.Series(key).Select(p => p.Step));
        Assert.Equal(reference.Series(key).Select(p => p.Value), retry.Series(key).Select(p => p.Value));
    }

    [Fact]
    public void The_headline_round_checkpoint_fits_the_per_checkpoint_limit()
    {
        const int limit = 64 << 20;
        var parameters = FederatedPromptPresets.Headline();
        var config = VitConfig.From(parameters);
        var settings = MethodSettings.From(parameters, seed: 1);
        var weights = MethodHarness.RandomWeights(config);
        var tracks = parameters.Methods.Select(name => new MethodTrack(MethodFactory.Create(name, settings, weights))
        {
            Latest = new Evaluation(0, 0, new double[config.Classes]),
        }).ToList();
        try
        {
            var size = RoundCheckpoint.Write(RunFingerprint.Of(parameters, 1, weights), parameters.Rounds, tracks).Length;

            TestContext.Current.TestOutputHelper?.WriteLine($"Headline round checkpoint: {size:N0} bytes ({size / 1048576.0:F2} MiB)");
            var evolving = tracks.Sum(t => MethodHarness.Elements(t.Method.Global.ParametersOf(t.Method.Evolving))) * sizeof(float);
            Assert.InRange(size, evolving, limit);
        }
        finally
        {
            tracks.ForEach(t => t.Dispose());
        }
    }

    /// <summary>Wall time of a method and of its phases: measured, so never equal between two runs.</summary>
    private static bool IsWallClock(string key) =>
        key.EndsWith(".seconds", StringComparison.Ordinal) || key.StartsWith("phase-seconds.", StringComparison.Ordinal);

    private static async Task<PretrainedCache> CacheHoldingAsync(
        FederatedPromptParameters parameters, Dictionary<string, Safetensors.Entry> weights, CancellationToken ct)
    {
        var cache = TinyRun.TemporaryCache();
        var key = PretrainedCache.Key(VitConfig.From(parameters), 3, parameters.PretrainImages, parameters.PretrainEpochs);
        await cache.WriteAsync(key, Safetensors.Write(weights), ct);
        return cache;
    }

    private static IExperiment Experiment() => new FederatedPromptExperiment(TinyRun.TemporaryCache());

    /// <summary>Random "pre-trained" weights skip pre-training, so all three runs start from the same model.</summary>
    private static FederatedPromptParameters Parameters()
    {
        var parameters = TinyRun.Parameters();
        parameters.Rounds = Rounds;
        parameters.PretrainedWeights = InMemoryDatasets.Shared.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)), "safetensors");
        return parameters;
    }
}
