using System.Text.Json;
using Platform.Core.Runs;
using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

/// <summary>A run's summary as the contract's typed record (<see cref="RunSummary"/>, its claims and tables).</summary>
internal static class Summaries
{
    public static RunSummary ReadSummary(this RunDto run)
    {
        Assert.True(run.Summary is not null, $"run {run.Id} ({run.State}) has no summary; error: {run.Error}");
        return run.Summary.Value.Deserialize<RunSummary>(Json.Options)
            ?? throw new JsonException($"The summary of run {run.Id} is null.");
    }
}
