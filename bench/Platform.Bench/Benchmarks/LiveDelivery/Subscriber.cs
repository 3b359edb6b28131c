using Microsoft.AspNetCore.SignalR.Client;
using Platform.Web.Hubs;

namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>
/// One hub client subscribed to one run: notes each point's latency (arrival minus the send time it carries) and
/// checks that every key's steps arrive as 0, 1, 2, ... with nothing missing, repeated or reordered.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Dictionary<string, long> _lastStep = [];
    private readonly List<double> _latencies;
    private readonly Lock _gate = new();

    private Subscriber(HubConnection connection, int expectedPoints)
    {
        _connection = connection;
        _latencies = new List<double>(expectedPoints);
        ExpectedPoints = expectedPoints;
        _connection.On<MetricsMessage>(nameof(IRunsClient.Metrics), OnMetrics);
        // The run's state, progress and log events go to the same group; they are not measured.
        _connection.On<StateMessage>(nameof(IRunsClient.State), _ => { });
        _connection.On<ProgressMessage>(nameof(IRunsClient.Progress), _ => { });
        _connection.On<LogMessage>(nameof(IRunsClient.Log), _ => { });
    }

    public int ExpectedPoints { get; }

    public int Received { get; private set; }

    /// <summary>Points whose step was not the next one for its key (a repeat, a reorder, or one after a gap).</summary>
    public int OrderViolations { get; private set; }

    public double LastArrivalMs { get; private set; }

    public bool Complete
    {
        get
        {
            lock (_gate)
            {
                return Received >= ExpectedPoints;
            }
        }
    }

    public IReadOnlyList<double> Latencies => _latencies;

    /// <param name="key">An API key to present (the .NET client sends it as a bearer token), or null in local mode.</param>
    public static async Task<Subscriber> ConnectAsync(Uri address, Guid runId, int expectedPoints, string? key, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, RunsHub.Path), o =>
            {
                if (key is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                }
            })
            .Build();
        var subscriber = new Subscriber(connection, expectedPoints);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync(nameof(RunsHub.Subscribe), runId, cancellationToken);
        return subscriber;
    }

    private void OnMetrics(MetricsMessage message)
    {
        var now = ProbeClock.NowMs();
        lock (_gate)
        {
            foreach (var point in message.Points)
            {
                _latencies.Add(now - point.Value);
                var expected = _lastStep.TryGetValue(point.Key, out var last) ? last + 1 : 0;
                if (point.Step != expected)
                {
                    OrderViolations++;
                }

                _lastStep[point.Key] = Math.Max(point.Step, last);
                Received++;
            }

            LastArrivalMs = now;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
