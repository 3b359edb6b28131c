using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Datasets;
using Platform.Experiments.Contract;

namespace Platform.Workers.Datasets;

/// <summary>
/// Registers the built-in datasets at start-up. A file's hash is computed first and a dataset with that hash is left
/// as it is, so restarts (and several processes starting together) store each file once.
/// </summary>
public sealed partial class BuiltInDatasetRegistrar(
    IEnumerable<BuiltInDataset> registered, IConfiguration configuration, DatasetReader datasets, DatasetWriter writer,
    ILogger<BuiltInDatasetRegistrar> logger) : IHostedService
{
    public const string SectionName = "Datasets:BuiltIn";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = configuration.GetSection(SectionName).Get<List<BuiltInDataset>>() ?? [];
        foreach (var dataset in registered.Concat(configured))
        {
            await RegisterAsync(dataset, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync(BuiltInDataset dataset, CancellationToken cancellationToken)
    {
        var path = Resolve(dataset.Path);
        if (!File.Exists(path))
        {
            LogMissing(dataset.Name, path);
            return;
        }

        var metadata = new DatasetMetadata(dataset.Name, dataset.Format, dataset.Licence, dataset.Description, dataset.Source);
        if (DatasetRules.Check(metadata) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Built-in dataset '{dataset.Name}' is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }

        string sha256;
        await using (var file = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        if (await datasets.GetBySha256Async(sha256, cancellationToken) is not null)
        {
            return;
        }

        await using (var file = File.OpenRead(path))
        {
            var (stored, created) = await writer.StoreAsync(file, metadata, owner: null, builtIn: true, maxBytes: long.MaxValue, cancellationToken);
            if (created)
            {
                LogRegistered(stored.Name, stored.Id, stored.Size);
            }
        }
    }

    private static string Resolve(string path)
    {
        var expanded = Environment.ExpandEnvironmentVariables(path);
        if (expanded.StartsWith("~/", StringComparison.Ordinal))
        {
            expanded = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), expanded[2..]);
        }

        return Path.IsPathRooted(expanded) ? expanded : Path.Combine(AppContext.BaseDirectory, expanded);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Built-in dataset {Name} is not registered: {Path} does not exist (run the README's set-up command).")]
    private partial void LogMissing(string name, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered built-in dataset {Name} as {Id} ({Size} bytes).")]
    private partial void LogRegistered(string name, Guid id, long size);
}
