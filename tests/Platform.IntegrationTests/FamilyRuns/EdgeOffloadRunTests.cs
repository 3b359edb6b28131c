using System.Net.Http.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>A tiny edge-offload run through the real queue, workers and metric pipeline.</summary>
public sealed class EdgeOffloadRunTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tiny_edge_offload_run_succeeds_with_delay_curves_claims_and_tables()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "edge-offload",
            seed = 5,
            parameters = new
            {
                imageSize = 32,
                teacherFrames = 48,
                teacherEpochs = 1,
                cacheTeacher = false,
                distillFrames = 32,
                distillEpochs = 1,
                filterFrames = 32,
                filterEpochs = 1,
                validationFrames = 16,
                streamFrames = 16,
                timingFrames = 3,
                ratesMbps = new[] { 0.5, 5.0 },
                gilbertElliott = false,
            },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(180));

        Assert.Equal(RunState.Succeeded, done.State);
        var summary = done.ReadSummary();
        Assert.InRange(summary.Metrics["map.teacher"], 0, 1);
        Assert.Equal(7, summary.Claims.Count);
        Assert.True(summary.Tables.Count >= 5);
        var series = await app.Client.GetFromJsonAsync<Platform.Web.Api.MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, Ct);
        var delays = Assert.Single(series!.Series, s => s.Key == "delay-ms/sc");
        Assert.Equal([500.0, 5000.0], delays.Points.Select(p => p[0]));
        Assert.Contains(series.Series, s => s.Key == "distill-loss/ghnd");
    }

    [Fact]
    public async Task A_tiny_real_frames_run_uses_the_pretrained_ResNet18_teacher_and_names_its_data()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "edge-offload",
            seed = 5,
            parameters = new
            {
                data = "photos-with-digits",
                imageSize = 32,
                teacherFrames = 48,
                teacherEpochs = 1,
                cacheTeacher = false,
                distillFrames = 32,
                distillEpochs = 1,
                distillMethods = new[] { "hnd" },
                filterFrames = 32,
                filterEpochs = 1,
                validationFrames = 16,
                streamFrames = 16,
                timingFrames = 3,
                ratesMbps = new[] { 0.5, 5.0 },
                gilbertElliott = false,
            },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(300));

        Assert.Equal(RunState.Succeeded, done.State);
        var summary = done.ReadSummary();
        Assert.InRange(summary.Metrics["map.teacher"], 0, 1);
        var inputs = Assert.Single(summary.Tables, t => t.Title == "Data and weights");
        Assert.Contains(inputs.Rows, row => row[2]?.ToString()?.Contains("ResNet18", StringComparison.Ordinal) == true);
        Assert.Contains(inputs.Rows, row => row[3]?.ToString()?.Contains("CC BY 2.0", StringComparison.Ordinal) == true);
        Assert.Contains(summary.Claims, c => c.Note?.Contains("ResNet-18", StringComparison.Ordinal) == true);
    }
}
