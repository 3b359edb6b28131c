using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Events;

namespace Platform.Core.Metrics;

/// <summary>
/// Drains the metric channel: batches of up to <see cref="MaxBatch"/> points or <see cref="MaxDelay"/> of
/// waiting go to PostgreSQL by binary COPY, then to live subscribers. A failed write is retried, never dropped.
/// </summary>
public sealed partial class MetricPump(
    MetricChannel channel, MetricCopyWriter writer, RunEventPublisher events, TimeProvider time, ILogger<MetricPump> logger) : BackgroundService
{
    public const int MaxBatch = 5_000;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(200);

    private const int ShutdownWriteAttempts = 5;

    // Stored batches waiting to be published; beyond this, storing waits too, which keeps memory bounded.
    private const int StoredBacklog = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Two stages, so publishing one batch overlaps storing the next; each stage keeps the batches in order.
        var stored = Channel.CreateBounded<StoredBatch>(new BoundedChannelOptions(StoredBacklog)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
        });
        var publishing = PublishLoopAsync(stored.Reader, stoppingToken);
        try
        {
            await StoreLoopAsync(stored.Writer, stoppingToken);
        }
        finally
        {
            stored.Writer.TryComplete();
            await publishing;
        }
    }

    private async Task StoreLoopAsync(ChannelWriter<StoredBatch> stored, CancellationToken stoppingToken)
    {
        var reader = channel.Reader;
        // Drains what is left after a stop request, so a graceful shutdown loses no points.
        while (await WaitToReadAsync(reader, stoppingToken))
        {
            var batch = new List<MetricSample>(MaxBatch);
            var markers = new List<TaskCompletionSource>();
            var deadline = time.GetUtcNow() + MaxDelay;
            while (batch.Count < MaxBatch)
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var envelope))
                {
                    if (envelope.FlushMarker is { } marker)
                    {
                        markers.Add(marker);
                        // A flush should not wait for the batch to fill.
                        deadline = time.GetUtcNow();
                    }
                    else
                    {
                        batch.Add(envelope.Sample);
                    }
                }

                var remaining = deadline - time.GetUtcNow();
                if (batch.Count >= MaxBatch || remaining <= TimeSpan.Zero || !await WaitWithinAsync(reader, remaining))
                {
                    break;
                }
            }

            var kept = await StoreAsync(batch, stoppingToken);
            await stored.WriteAsync(new StoredBatch(kept ? batch : [], markers), CancellationToken.None);
        }
    }

    /// <summary>
    /// Publishes stored batches, then releases their flush markers: a run that flushed before finishing has had
    /// its last points delivered before its terminal state is announced.
    /// </summary>
    private async Task PublishLoopAsync(ChannelReader<StoredBatch> stored, CancellationToken stoppingToken)
    {
        await foreach (var (batch, markers) in stored.ReadAllAsync(CancellationToken.None))
        {
            await PublishAsync(batch, stoppingToken);
            foreach (var marker in markers)
            {
                marker.TrySetResult();
            }
        }
    }

    /// <returns>False only when the batch had to be given up (the database stayed away while stopping).</returns>
    private async Task<bool> StoreAsync(List<MetricSample> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        // While the app runs, a database outage only delays points (the channel fills and runs slow down). Once the
        // app is stopping, a few more tries are all that is left before the batch has to be given up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(batch, CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                if (stoppingToken.IsCancellationRequested && attempt >= ShutdownWriteAttempts)
                {
                    LogPointsLost(ex, batch.Count);
                    return false;
                }

                LogWriteRetry(ex, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), time, CancellationToken.None);
            }
        }
    }

    private async Task PublishAsync(List<MetricSample> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var perRun = batch.GroupBy(s => s.RunId).Select(run => (RunEvent)new MetricsAppended(run.Key, run.ToList())).ToList();
        try
        {
            await events.PublishAsync(perRun, stoppingToken.IsCancellationRequested ? CancellationToken.None : stoppingToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or OperationCanceledException)
        {
            // Points are stored and this process's subscribers have them; other processes' clients catch up from
            // history when they reload.
            LogPublishFailed(ex, perRun.Count);
        }
    }

    private static async Task<bool> WaitToReadAsync(ChannelReader<MetricEnvelope> reader, CancellationToken stoppingToken)
    {
        try
        {
            return await reader.WaitToReadAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return reader.TryPeek(out _);
        }
    }

    private async Task<bool> WaitWithinAsync(ChannelReader<MetricEnvelope> reader, TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        try
        {
            return await reader.WaitToReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} metric points failed (attempt {Attempt}); retrying")]
    private partial void LogWriteRetry(Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database stayed unreachable while stopping: {Count} metric points were not stored")]
    private partial void LogPointsLost(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing live metrics of {Runs} runs to other processes failed")]
    private partial void LogPublishFailed(Exception exception, int runs);

    private readonly record struct StoredBatch(List<MetricSample> Samples, List<TaskCompletionSource> Markers);
}
