using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Platform.Core.Events;

namespace Platform.Web.Hubs;

/// <summary>
/// Forwards every run event of this process (local or from other processes) to the run's hub group. One
/// consumer sends in order, so a client never sees a batch before the one logged earlier.
/// </summary>
public sealed partial class HubForwarder(RunEventBus bus, IHubContext<RunsHub, IRunsClient> hub, ILogger<HubForwarder> logger) : BackgroundService
{
    private readonly Channel<RunEvent> _pending = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.SubscribeAll(e => _pending.Writer.TryWrite(e));
        try
        {
            await foreach (var runEvent in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(runEvent);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex, runEvent.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task SendAsync(RunEvent runEvent)
    {
        if (runEvent is LiveFeedResumed)
        {
            return hub.Clients.All.Resync();
        }

        var group = hub.Clients.Group(RunsHub.GroupOf(runEvent.RunId));
        return runEvent switch
        {
            MetricsAppended m => group.Metrics(new MetricsMessage(m.RunId, m.Samples.Select(s => new MetricPointMessage(s.Key, s.Step, s.Value)).ToList())),
            RunStateChanged s => group.State(new StateMessage(s.RunId, s.State.ToString(), s.Message)),
            RunProgressed p => group.Progress(new ProgressMessage(p.RunId, p.Progress, p.Message)),
            RunLogWritten l => group.Log(new LogMessage(l.RunId, l.At, l.Message)),
            _ => Task.CompletedTask,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a live event of run {RunId} to hub clients failed")]
    private partial void LogSendFailed(Exception exception, Guid runId);
}
