using Microsoft.AspNetCore.SignalR;
using Platform.Experiments.Contract;
using Platform.Web.Hubs;

namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>
/// Logs, every tick, one point per key whose value is its send time on <see cref="ProbeClock"/>. In the normal
/// form the points take the platform's path (LogAsync → channel → pump → COPY → bus → hub forwarder → group). In
/// the Direct form the same tick goes as one message straight through <see cref="IHubContext{THub,T}"/> to the same
/// group: the floor of the path (serialisation and socket writes only), which the pipeline is compared against.
/// </summary>
public sealed class LiveProbeExperiment(IHubContext<RunsHub, IRunsClient> hub) : Experiment<LiveProbeParameters>
{
    public const string KindName = "bench-live-probe";

    public override string Kind => KindName;

    public override string Title => "Live delivery probe (bench)";

    public override string Description => "Logs points whose values are their send times.";

    protected override async Task<RunSummary> RunAsync(LiveProbeParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        await StartGate.WaitAsync(context.RunId, cancellationToken);
        var keys = Enumerable.Range(0, parameters.Keys).Select(k => $"k{k}").ToArray();
        var group = hub.Clients.Group(RunsHub.GroupOf(context.RunId));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(parameters.TickMs));
        for (var step = 0; step < parameters.Ticks; step++)
        {
            var sentAt = ProbeClock.NowMs();
            if (parameters.Direct)
            {
                await group.Metrics(new MetricsMessage(context.RunId, keys.Select(k => new MetricPointMessage(k, step, sentAt)).ToList()));
            }
            else
            {
                foreach (var key in keys)
                {
                    await context.LogAsync(key, step, sentAt, cancellationToken);
                }
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        return RunSummary.FromMetrics(new Dictionary<string, double> { ["points"] = (double)parameters.Ticks * parameters.Keys });
    }
}
