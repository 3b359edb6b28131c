using System.Collections.Concurrent;
using System.Security.Cryptography;
using Platform.Experiments.Contract;

namespace Platform.UnitTests.Support;

/// <summary>
/// Datasets held in memory for experiments run without a database; each open gives a fresh stream. Content-addressed
/// like the platform's: the same bytes get the same id, so a test's parameters name the same dataset every time.
/// </summary>
public sealed class InMemoryDatasets : IDatasetReader
{
    private readonly ConcurrentDictionary<Guid, (string Format, byte[] Bytes)> _datasets = new();

    /// <summary>What every <see cref="RecordingRunContext"/> reads unless given others.</summary>
    public static InMemoryDatasets Shared { get; } = new();

    public Guid Add(byte[] bytes, string format)
    {
        var id = new Guid(SHA256.HashData(bytes).AsSpan(0, 16));
        _datasets[id] = (format, bytes);
        return id;
    }

    public Task<DatasetContent?> OpenAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_datasets.TryGetValue(id, out var d)
            ? new DatasetContent(id, d.Format, Convert.ToHexStringLower(SHA256.HashData(d.Bytes)), d.Bytes.Length, new MemoryStream(d.Bytes, writable: false))
            : null);
}
