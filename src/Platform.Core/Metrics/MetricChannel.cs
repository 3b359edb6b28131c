using System.Threading.Channels;

namespace Platform.Core.Metrics;

/// <summary>
/// The bounded hand-off between experiments and the metric pump. A full channel makes the writer wait: points
/// are never dropped. A flush marker lets a run wait until everything it logged is stored before it finishes.
/// </summary>
public sealed class MetricChannel
{
    public const int Capacity = 100_000;

    private readonly Channel<MetricEnvelope> _channel = Channel.CreateBounded<MetricEnvelope>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<MetricEnvelope> Reader => _channel.Reader;

    public ValueTask WriteAsync(MetricSample sample, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(new MetricEnvelope(sample, null), cancellationToken);

    /// <summary>Completes once every point written before this call has been stored and published.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new MetricEnvelope(default, marker), cancellationToken);
        await marker.Task.WaitAsync(cancellationToken);
    }
}
