using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Metrics;
using Platform.Core.Postgres;
using Platform.IntegrationTests.Browser;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// The database goes away in the middle of a run and comes back on the same address: the run ends once, every
/// point it logged during the outage is stored, and live delivery to the dashboard resumes by itself. Uses a
/// cluster of its own, not the one the other tests share.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const int Points = 150;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task A_run_spanning_a_database_restart_succeeds_with_every_point_stored_once() => WithOwnClusterAsync(async cluster =>
    {
        await using var app = await TestApp.StartAsync(cluster.ConnectionString);
        var run = await app.SubmitAsync(Families.Counter(points: Points, delayMs: 20));
        await app.WaitForRunAsync(run.Id, j => j.State == RunState.Running && j.Progress > 0.1);

        await RestartAsync(cluster);

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(120));
        Assert.Equal(RunState.Succeeded, done.State);
        Assert.Equal(1, done.Attempt); // the outage cost the run no attempt: nothing about it was fatal
        var series = await app.Services.GetRequiredService<MetricSeriesReader>().ReadAsync(run.Id, "k0", 100_000, Ct);
        Assert.Equal(Enumerable.Range(0, Points).Select(i => (double)i), series.Single().Points.Select(p => p[0]));
        Assert.Single((await app.GetRunAsync(run.Id)).Attempts!, a => a.Outcome == "Succeeded");
    });

    [Fact]
    public Task A_hub_subscriber_is_told_to_resync_after_a_database_restart_and_ends_with_every_point_once() => WithOwnClusterAsync(async cluster =>
    {
        // Web and worker are separate hosts, so live points reach the hub only through LISTEN/NOTIFY, which the
        // restart breaks: the web's listener has to reconnect on its own and tell subscribers what they may have missed.
        await using var web = await TestApp.StartAsync(cluster.ConnectionString, PlatformRole.Web);
        var run = await web.SubmitAsync(Families.Counter(points: Points, delayMs: 20));
        await using var subscriber = await ResyncingSubscriber.StartAsync(web, run.Id, "k0");
        await using var worker = await TestApp.StartAsync(cluster.ConnectionString, PlatformRole.Worker);
        await WaitUntilAsync(() => subscriber.Steps.Count >= 10, () => "no live point arrived before the restart");

        await RestartAsync(cluster);

        Assert.Equal(RunState.Succeeded, (await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(120))).State);
        await WaitUntilAsync(() => subscriber.LastState == "Succeeded" && subscriber.Steps.Count == Points,
            () => $"the subscriber did not catch up: {subscriber.Steps.Count} points, state {subscriber.LastState}, {subscriber.Resyncs} resyncs");
        Assert.True(subscriber.Resyncs >= 1, "the hub should tell its clients to resync once it listens again");
        Assert.Equal(Enumerable.Range(0, Points).Select(i => (long)i), subscriber.Steps);
        // What arrives live arrives once and in order; only what went unheard during the outage came from the re-read.
        Assert.Equal(subscriber.LiveSteps.Order(), subscriber.LiveSteps);
        Assert.Equal(subscriber.LiveSteps.Count, subscriber.LiveSteps.Distinct().Count());
        Assert.Equal(HubConnectionState.Connected, subscriber.Connection);
    });

    [Fact]
    public Task Run_and_runs_pages_open_across_a_database_restart_end_with_every_point_and_the_final_state() => WithOwnClusterAsync(async cluster =>
    {
        await using var web = await TestApp.StartAsync(cluster.ConnectionString, PlatformRole.Web);
        var run = await web.SubmitAsync(Families.Counter(points: Points, delayMs: 20));
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(web.Address, $"runs/{run.Id}").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var grid = await browser.NewPageAsync();
        await grid.GotoAsync(new Uri(web.Address, "runs").ToString());
        await grid.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await using var worker = await TestApp.StartAsync(cluster.ConnectionString, PlatformRole.Worker);
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector('[data-testid=chart][data-group=k0][data-points]')?.dataset.points ?? 0) >= 10",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        await RestartAsync(cluster);

        Assert.Equal(RunState.Succeeded, (await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(120))).State);
        // Whatever went unheard while the listener was away, the page re-reads once it listens again.
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=run-state]')?.textContent.trim() === 'Succeeded'",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('[data-testid=chart][data-group=k0][data-points]')?.dataset.points === '{Points}'",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await grid.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=runs-grid] tr:has([data-id='${id}']) [data-testid=run-state]`)?.textContent.trim() === 'Succeeded'",
            run.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
    });

    private static async Task WithOwnClusterAsync(Func<EmbeddedPostgresCluster, Task> test)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}"[..24]);
        var options = new EmbeddedPostgresOptions { DataDirectory = folder, Port = FreePort() };
        try
        {
            await using var cluster = await EmbeddedPostgresCluster.StartAsync(options, folder, NullLogger.Instance, Ct);
            await test(cluster);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RestartAsync(EmbeddedPostgresCluster cluster)
    {
        await cluster.StopAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await cluster.StartAsync(Ct);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because());
            await Task.Delay(50, Ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
