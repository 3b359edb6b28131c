using System.Collections.Concurrent;
using System.Security.Cryptography;
using Platform.Core.Datasets;
using Platform.Experiments.Contract;

namespace Platform.Workers.Datasets;

/// <summary>
/// Stores a built-in dataset's file once, by its SHA-256, and finds it again: at start-up, and when a submission needs
/// one that start-up did not register. A file's hash is remembered while its size and modification time stay the same,
/// so a submission does not hash megabytes again.
/// </summary>
public sealed class BuiltInDatasetStore(DatasetReader datasets, DatasetWriter writer)
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Sha256)> _hashes = new(StringComparer.Ordinal);

    /// <returns>The stored dataset and whether this call stored it; null when the file is not on this server.</returns>
    public async Task<(DatasetInfo Dataset, bool Created)?> EnsureAsync(BuiltInDataset dataset, CancellationToken cancellationToken)
    {
        var path = Resolve(dataset.Path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var metadata = new DatasetMetadata(dataset.Name, dataset.Format, dataset.Licence, dataset.Description, dataset.Source);
        if (DatasetRules.Check(metadata) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Built-in dataset '{dataset.Name}' is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }

        var sha256 = await HashAsync(file, cancellationToken);
        if (await datasets.GetBySha256Async(sha256, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await using var stream = file.OpenRead();
        return await writer.StoreAsync(stream, metadata, owner: null, builtIn: true, maxBytes: long.MaxValue, cancellationToken);
    }

    /// <summary>The path a built-in names, with <c>~</c> and environment variables expanded; relative to the application.</summary>
    public static string Resolve(string path)
    {
        var expanded = Environment.ExpandEnvironmentVariables(path);
        if (expanded.StartsWith("~/", StringComparison.Ordinal))
        {
            expanded = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), expanded[2..]);
        }

        return Path.IsPathRooted(expanded) ? expanded : Path.Combine(AppContext.BaseDirectory, expanded);
    }

    private async Task<string> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (_hashes.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Modified == file.LastWriteTimeUtc)
        {
            return known.Sha256;
        }

        await using var stream = file.OpenRead();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        _hashes[file.FullName] = (file.Length, file.LastWriteTimeUtc, sha256);
        return sha256;
    }
}
