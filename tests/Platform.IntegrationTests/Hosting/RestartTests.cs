using System.Net.Http.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using Platform.Web;
using Platform.Web.Api;

namespace Platform.IntegrationTests.Hosting;

/// <summary>The default set-up: no connection string, so the app runs its own PostgreSQL in a data folder.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "platform-restart-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_and_metrics_survive_a_restart_of_the_app_and_its_embedded_database()
    {
        var settings = new Dictionary<string, string> { ["EmbeddedPostgres:DataDirectory"] = _dataDirectory };
        RunDto finished;
        MetricSeriesResponse? before;
        await using (var app = await TestApp.StartAsync(connectionString: null, settings: settings))
        {
            var run = await app.SubmitAsync(Families.Counter(points: 40, keys: 2));
            finished = await app.WaitForTerminalAsync(run.Id);
            before = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, Ct);
        }

        await using (var restarted = await TestApp.StartAsync(connectionString: null, settings: settings))
        {
            var after = await restarted.GetRunAsync(finished.Id);
            Assert.Equal(RunState.Succeeded, after.State);
            Assert.Equal(finished.FinishedAt, after.FinishedAt);
            Assert.Equal(finished.Summary!.Value.ToString(), after.Summary!.Value.ToString());
            var metrics = await restarted.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{finished.Id}/metrics", Json.Options, Ct);
            Assert.Equal(before!.Series.Select(s => (s.Key, s.Points.Count)), metrics!.Series.Select(s => (s.Key, s.Points.Count)));
            Assert.Equal(80, metrics.Series.Sum(s => s.Points.Count));
        }
    }

    [Fact]
    public async Task Running_the_host_until_shutdown_stops_its_embedded_database()
    {
        string[] args = ["--urls=http://127.0.0.1:0", "--Platform:Role=web", $"--EmbeddedPostgres:DataDirectory={_dataDirectory}",
            "--Logging:LogLevel:Default=Warning"];
        using var shutdown = new CancellationTokenSource();
        await using (var host = await PlatformHost.CreateAsync(args, cancellationToken: Ct))
        {
            var started = new TaskCompletionSource();
            host.App.Lifetime.ApplicationStarted.Register(started.SetResult);
            var run = host.RunAsync(shutdown.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.True(File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")), "the embedded server should be running");
            await shutdown.CancelAsync();
            await run;
        }

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")), "the embedded server should have stopped");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test's verdict matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
