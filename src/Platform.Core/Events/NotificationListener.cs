using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Events;

/// <summary>
/// Holds one connection that LISTENs on the channels of every registered <see cref="INotificationHandler"/> (the
/// run runner's wake-ups and cancels where runs execute, the live feed where the web host serves) and hands each
/// notification to its channel's handlers. Reconnects after a database outage.
/// </summary>
public sealed partial class NotificationListener(
    NpgsqlDataSource dataSource, IEnumerable<INotificationHandler> handlers, TimeProvider time, ILogger<NotificationListener> logger) : BackgroundService
{
    // Short: while nobody listens, notifications are missed (handlers hear that they resumed).
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(2);

    private readonly INotificationHandler[] _handlers = handlers.ToArray();

    private readonly Dictionary<string, INotificationHandler[]> _byChannel = handlers
        .GroupBy(h => h.Channel, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_byChannel.Count == 0)
        {
            return;
        }

        var listenAll = string.Join("; ", _byChannel.Keys.Select(channel => $"LISTEN {channel}"));
        var backoff = TimeSpan.FromMilliseconds(200);
        var lostConnection = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand(listenAll, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Runs queued while nobody listened would otherwise wait for the slow poll, and live views would keep
                // a gap where events from other processes went unheard.
                foreach (var handler in _handlers)
                {
                    handler.OnListening(lostConnection);
                }

                lostConnection = false;
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
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (_byChannel.TryGetValue(e.Channel, out var channelHandlers))
        {
            foreach (var handler in channelHandlers)
            {
                handler.OnNotification(e.Payload);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for notifications failed; retrying in {Backoff}")]
    private partial void LogListenFailed(Exception exception, TimeSpan backoff);
}
