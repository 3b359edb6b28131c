using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>One tiny run of every method on the defaults' shape (the headline's cheap equivalent), shared by the tests that read it.</summary>
public sealed class TinyHeadlineRun : IAsyncLifetime
{
    private readonly PretrainedCache _cache = TinyRun.TemporaryCache();

    public RecordingRunContext Context { get; } = new(seed: 3);

    public IExperiment Experiment => new FederatedPromptExperiment(_cache);

    public RunSummary Summary { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Summary = await Experiment.RunAsync(TinyRun.Parameters(), Context, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_cache.Directory))
        {
            Directory.Delete(_cache.Directory, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
