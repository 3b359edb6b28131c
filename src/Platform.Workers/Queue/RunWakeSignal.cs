using System.Threading.Channels;
using Platform.Core.Events;

namespace Platform.Workers.Queue;

/// <summary>
/// Wakes the run runner when a run may have become claimable (a notification, or the listener listening again after
/// runs may have been queued unheard). Many pulses collapse into one.
/// </summary>
public sealed class RunWakeSignal : INotificationHandler
{
    private readonly Channel<bool> _channel = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public string Channel => NotificationChannels.Runs;

    public void Pulse() => _channel.Writer.TryWrite(true);

    void INotificationHandler.OnListening(bool resumed) => Pulse();

    void INotificationHandler.OnNotification(string payload) => Pulse();

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval elapsed: look at the queue anyway, in case a notification was lost.
        }
    }
}
