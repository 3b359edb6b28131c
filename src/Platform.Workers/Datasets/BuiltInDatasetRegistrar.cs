using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Experiments.Contract;

namespace Platform.Workers.Datasets;

/// <summary>
/// Registers the built-in datasets at start-up. A file's hash is computed first and a dataset with that hash is left
/// as it is, so restarts (and several processes starting together) store each file once. The families' own built-ins
/// can wait for the first run that reads them (<c>Datasets:RegisterBuiltInsAtStartup = false</c>, which the tests use
/// so that each throwaway database does not store megabytes it never reads); those under <c>Datasets:BuiltIn</c> are
/// always registered.
/// </summary>
public sealed partial class BuiltInDatasetRegistrar(
    IEnumerable<BuiltInDataset> registered, IConfiguration configuration, BuiltInDatasetStore store,
    ILogger<BuiltInDatasetRegistrar> logger) : IHostedService
{
    public const string SectionName = "Datasets:BuiltIn";
    public const string AtStartupKey = "Datasets:RegisterBuiltInsAtStartup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = configuration.GetSection(SectionName).Get<List<BuiltInDataset>>() ?? [];
        var families = configuration.GetValue(AtStartupKey, defaultValue: true) ? registered : [];
        foreach (var dataset in families.Concat(configured))
        {
            switch (await store.EnsureAsync(dataset, cancellationToken))
            {
                case null:
                    LogMissing(dataset.Name, BuiltInDatasetStore.Resolve(dataset.Path));
                    break;
                case ({ } stored, true):
                    LogRegistered(stored.Name, stored.Id, stored.Size);
                    break;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Built-in dataset {Name} is not registered: {Path} does not exist (run the README's set-up command).")]
    private partial void LogMissing(string name, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered built-in dataset {Name} as {Id} ({Size} bytes).")]
    private partial void LogRegistered(string name, Guid id, long size);
}
