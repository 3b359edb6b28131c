using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Experiments.Contract;

namespace Platform.UnitTests.Support;

/// <summary>
/// An in-memory <see cref="IRunContext"/> that keeps everything a run emits, for assertions. <see cref="OnLog"/> lets
/// a test react to a point as it arrives (for example, cancel the run after the first one).
/// </summary>
public sealed class RecordingRunContext(long seed = 42, int attempt = 1) : IRunContext
{
    private readonly ConcurrentQueue<MetricPoint> _points = new();
    private readonly ConcurrentQueue<(double Fraction, string Message)> _progress = new();
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, byte[]> _artifacts = new();
    private readonly ConcurrentDictionary<string, byte[]> _checkpoints = new();

    public Guid RunId { get; } = Guid.NewGuid();

    public long Seed { get; } = seed;

    public int Attempt { get; } = attempt;

    public ILogger Logger => NullLogger.Instance;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public Action<MetricPoint>? OnLog { get; set; }

    public InMemoryDatasets Datasets { get; init; } = InMemoryDatasets.Shared;

    IDatasetReader IRunContext.Datasets => Datasets;

    public IReadOnlyList<MetricPoint> Points => [.. _points];

    public IReadOnlyList<(double Fraction, string Message)> Progress => [.. _progress];

    public IReadOnlyList<string> Lines => [.. _lines];

    public IReadOnlyDictionary<string, byte[]> Artifacts => _artifacts;

    public IReadOnlyDictionary<string, byte[]> Checkpoints => _checkpoints;

    /// <summary>The points of one key in the order they were logged.</summary>
    /// <summary>The next attempt of the same run, seeing the checkpoints this one saved (as after a lost worker).</summary>
    public RecordingRunContext NextAttempt()
    {
        var next = new RecordingRunContext(Seed, Attempt + 1) { Threads = Threads, Datasets = Datasets };
        foreach (var (name, state) in _checkpoints)
        {
            next._checkpoints[name] = state;
        }

        return next;
    }

    public IReadOnlyList<MetricPoint> Series(string key) => [.. _points.Where(point => point.Key == key)];

    public ValueTask LogAsync(string key, long step, double value, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var point = new MetricPoint(key, step, value);
        _points.Enqueue(point);
        OnLog?.Invoke(point);
        return ValueTask.CompletedTask;
    }

    public ValueTask ProgressAsync(double fraction, string message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _progress.Enqueue((fraction, message));
        return ValueTask.CompletedTask;
    }

    public ValueTask LogLineAsync(string message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lines.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    public Task SaveArtifactAsync(string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _artifacts[name] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task CheckpointAsync(string name, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _checkpoints[name] = state.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> TryRestoreAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_checkpoints.TryGetValue(name, out var state) ? state : null);
    }
}
