using Microsoft.Extensions.DependencyInjection;
using Platform.Web;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>
/// A real platform process in the worker role (run runner, lease keeper, reaper, metric pump, notification
/// listener) on a bench database, built exactly as <c>Program</c> builds it, plus the bench families.
/// </summary>
public sealed class WorkerApp : IAsyncDisposable
{
    private readonly PlatformHost _host;

    private WorkerApp(PlatformHost host) => _host = host;

    public IServiceProvider Services => _host.App.Services;

    /// <summary>Builds the app without starting it, so a caller can fill the queue first and time the start.</summary>
    public static async Task<WorkerApp> CreateAsync(
        string connectionString, int maxConcurrentRuns, Action<IServiceCollection> configure, CancellationToken cancellationToken,
        IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["Platform:Role"] = "worker",
            ["ConnectionStrings:Platform"] = connectionString,
            ["Workers:MaxConcurrentRuns"] = maxConcurrentRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Workers:ThreadsPerRun"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var host = await PlatformHost.CreateAsync([.. all.Select(kv => $"--{kv.Key}={kv.Value}")], b => configure(b.Services), cancellationToken);
        return new WorkerApp(host);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _host.App.StartAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
