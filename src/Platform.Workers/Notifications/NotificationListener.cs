using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Events;
using Platform.Workers.Queue;

namespace Platform.Workers.Notifications;

/// <summary>
/// Holds one connection that LISTENs for claimable runs (waking the run runner) and for run events raised by
/// other processes (re-published to this process's subscribers). Reconnects after a database outage.
/// </summary>
public sealed partial class NotificationListener(
    NpgsqlDataSource dataSource, RunWakeSignal wake, CancelSignal cancels, RunEventBus bus, InstanceIdentity instance,
    ILogger<NotificationListener> logger) : BackgroundService
{
    // Short: while nobody listens, live events from other processes are missed (subscribers re-read on resume).
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        var lostConnection = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand(
                    $"LISTEN {NotificationChannels.Runs}; LISTEN {NotificationChannels.Cancels}; LISTEN {NotificationChannels.Events}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Runs queued while nobody listened would otherwise wait for the slow poll, and live views would keep
                // a gap where events from other processes went unheard.
                wake.Pulse();
                if (lostConnection)
                {
                    bus.Publish(new LiveFeedResumed());
                    lostConnection = false;
                }

                backoff = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                lostConnection = true;
                LogListenFailed(ex, backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == NotificationChannels.Runs)
        {
            wake.Pulse();
            return;
        }

        if (e.Channel == NotificationChannels.Cancels)
        {
            if (Guid.TryParse(e.Payload, out var runId))
            {
                cancels.Signal(runId);
            }

            return;
        }

        try
        {
            if (!RunEventCodec.IsFrom(e.Payload, instance.Id) && RunEventCodec.Decode(e.Payload) is { } decoded && decoded.Origin != instance.Id)
            {
                bus.Publish(decoded.Event);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            LogBadPayload(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for notifications failed; retrying in {Backoff}")]
    private partial void LogListenFailed(Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed run event notification")]
    private partial void LogBadPayload(Exception exception);
}
