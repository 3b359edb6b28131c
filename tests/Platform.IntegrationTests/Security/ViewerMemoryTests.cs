using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// What a viewer costs the server: exports of 200 runs × 100,000 points stream as they are read, and run lists carry
/// parameters cut short. The server runs in this process, so its managed heap is sampled while the export downloads.
/// </summary>
public sealed class ViewerMemoryTests(PostgresServer server)
{
    private const int Runs = 200;
    private const int PointsPerRun = 100_000;

    /// <summary>The points alone as (step, value) pairs: what materialising them would take at the very least.</summary>
    private const long PointBytes = (long)Runs * PointsPerRun * 16;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_of_200_runs_of_100_000_points_stream_in_bounded_memory()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web, new Dictionary<string, string> { ["Limits:MaxQueuedRunsPerOwner"] = "1000" });
        var ids = string.Join(',', await SeedAsync(app, database));

        foreach (var route in new[] { "/api/v1/comparisons/csv?ids=", "/api/v1/comparisons?ids=" })
        {
            using var response = await app.Client.GetAsync(route + ids, HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var (bytes, peakGrowth) = await DownloadSamplingHeapAsync(response);

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{route}: {bytes / (1 << 20)} MiB streamed; live managed heap grew by at most {peakGrowth / (1 << 20)} MiB (points alone: {PointBytes / (1 << 20)} MiB)");
            // Every point takes at least 8 bytes in either format ("[s,v]," or a CSV line), so all of them were sent.
            Assert.True(bytes > (long)Runs * PointsPerRun * 8, $"only {bytes} bytes");
            // Holding the export would keep at least the points themselves alive; streaming keeps a page's worth.
            Assert.True(peakGrowth < PointBytes / 4, $"the live heap grew by {peakGrowth} bytes while {PointBytes} bytes of points streamed");
        }
    }

    [Fact]
    public async Task A_run_list_cuts_long_parameters_and_the_run_route_returns_them_whole()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var trace = "ContextTokens,GeneratedTokens\n" + string.Join("\n", Enumerable.Range(0, 5_000).Select(i => $"{100 + i},{10 + (i % 90)}"));
        var run = await app.SubmitAsync(new { kind = "serving-throughput", parameters = new { workload = "upload", traceCsv = trace } });

        var list = await app.Client.GetFromJsonAsync<RunList>("/api/v1/runs?pageSize=500", Json.Options, Ct);
        var listed = list!.Items.Single(r => r.Id == run.Id);
        var whole = await app.GetRunAsync(run.Id);

        Assert.True(listed.ParametersTruncated);
        Assert.True(listed.Parameters.GetProperty("traceCsv").GetString()!.Length <= 257);
        Assert.False(whole.ParametersTruncated);
        Assert.Equal(trace, whole.Parameters.GetProperty("traceCsv").GetString());
        Assert.Equal(run.Parameters.GetProperty("model").GetString(), listed.Parameters.GetProperty("model").GetString());
    }

    /// <summary>200 queued runs and 100,000 points each, generated inside PostgreSQL (faster than sending them).</summary>
    private static async Task<List<Guid>> SeedAsync(TestApp app, string database)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Runs; i++)
        {
            ids.Add((await app.SubmitAsync(Families.Counter(seed: i))).Id);
        }

        await using var data = NpgsqlDataSource.Create(database);
        await using var insert = data.CreateCommand("""
            INSERT INTO metric_points (run_id, key, step, value, at)
            SELECT r, 'loss', s, sin(s / 100.0), now() FROM unnest(@runs) r, generate_series(0, @last) s
            """);
        // 20 million rows on a shared machine can take many minutes.
        insert.CommandTimeout = 0;
        insert.Parameters.AddWithValue("runs", ids.ToArray());
        insert.Parameters.AddWithValue("last", PointsPerRun - 1);
        await insert.ExecuteNonQueryAsync(Ct);
        return ids;
    }

    private static async Task<(long Bytes, long PeakGrowth)> DownloadSamplingHeapAsync(HttpResponseMessage response)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long bytes = 0, peak = 0;
        var buffer = new byte[64 * 1024];
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        int read;
        while ((read = await body.ReadAsync(buffer, Ct)) > 0)
        {
            bytes += read;
            // A full collection per sample measures what is alive, not garbage a loaded machine has not collected
            // yet (which once read 217 MiB while the live set stayed small).
            if (bytes % (64 << 20) < read)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        return (bytes, peak);
    }
}
