using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Jobs;
using Platform.Core.Metrics;
using Platform.Core.Postgres;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// The database goes away in the middle of a run and comes back on the same address: the run ends once, and every
/// point it logged during the outage is stored. Uses a cluster of its own, not the one the other tests share.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const int Points = 150;

    [Fact]
    public async Task A_run_spanning_a_database_restart_succeeds_with_every_point_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}"[..24]);
        var options = new EmbeddedPostgresOptions { DataDirectory = folder, Port = FreePort() };
        try
        {
            await using var cluster = await EmbeddedPostgresCluster.StartAsync(options, folder, NullLogger.Instance, ct);
            await using var app = await TestApp.StartAsync(cluster.ConnectionString);
            var job = await app.SubmitAsync(Families.Counter(points: Points, delayMs: 20));
            await app.WaitForJobAsync(job.Id, j => j.State == JobState.Running && j.Progress > 0.1);

            await cluster.StopAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await cluster.StartAsync(ct);

            var done = await app.WaitForTerminalAsync(job.Id, TimeSpan.FromSeconds(120));
            Assert.Equal(JobState.Succeeded, done.State);
            Assert.Equal(1, done.Attempt); // the outage cost the run no attempt: nothing about it was fatal
            var series = await app.Services.GetRequiredService<MetricSeriesReader>().ReadAsync(job.Id, "k0", 100_000, ct);
            Assert.Equal(Enumerable.Range(0, Points).Select(i => (double)i), series.Single().Points.Select(p => p[0]));
            Assert.Single((await app.GetJobAsync(job.Id)).Attempts!, a => a.Outcome == "Succeeded");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
