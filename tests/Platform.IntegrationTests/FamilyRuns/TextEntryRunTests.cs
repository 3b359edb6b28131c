using System.Net.Http.Json;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.IntegrationTests.Datasets;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>A tiny text-entry run through the real queue, workers and database.</summary>
public sealed class TextEntryRunTests(PostgresServer server)
{
    /// <summary>A run small enough for tests: a few hundred phrases' worth of corpus, a dozen simulated.</summary>
    public static object TinyRun(long seed = 5) => new
    {
        kind = "text-entry",
        seed,
        parameters = new { dialogues = 150, testPhrases = 12, runAblations = true, bootstrapSamples = 200, beamWidth = 8 },
    };

    [Fact]
    public async Task A_tiny_text_entry_run_reports_both_saving_rates_and_saves_its_model()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(TinyRun());

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(RunState.Succeeded, done.State);
        var summary = done.ReadSummary();
        var metrics = summary.Metrics;
        foreach (var key in new[] { "ksr.abbreviation", "ksr.keyboard", "gain.relative", "ksr.abbreviation.ci_low", "ksr.keyboard.ci_high" })
        {
            Assert.True(double.IsFinite(metrics[key]), key);
        }

        Assert.Equal(12, metrics["phrases"]);
        Assert.True(summary.Claims.Count >= 4);
        var artifacts = await app.Client.GetFromJsonAsync<List<ArtifactInfo>>($"/api/v1/runs/{run.Id}/artifacts", Json.Options, TestContext.Current.CancellationToken);
        Assert.Contains(artifacts!, a => a.Name == "model.ngram");
        Assert.Contains(artifacts!, a => a.Name == "traces.jsonl");
        var series = await app.Client.GetFromJsonAsync<Platform.Web.Api.MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, TestContext.Current.CancellationToken);
        Assert.Equal(12, Assert.Single(series!.Series, s => s.Key == "ksr/abbreviation").Points.Count);
    }

    [Fact]
    public async Task A_tiny_gru_run_trains_live_and_saves_the_network()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "text-entry",
            seed = 5,
            parameters = new
            {
                modelType = "gru", dialogues = 80, testPhrases = 8, runAblations = false, bootstrapSamples = 200, beamWidth = 8,
                gruEmbeddingSize = 16, gruHiddenSize = 32, gruEpochs = 2,
            },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(RunState.Succeeded, done.State);
        var metrics = done.ReadSummary().Metrics;
        Assert.True(double.IsFinite(metrics["ksr.abbreviation"]));
        Assert.True(double.IsFinite(metrics["perplexity.test"]));
        var artifacts = await app.Client.GetFromJsonAsync<List<ArtifactInfo>>($"/api/v1/runs/{run.Id}/artifacts", Json.Options, TestContext.Current.CancellationToken);
        Assert.Contains(artifacts!, a => a.Name == "model.gru");
        var series = await app.Client.GetFromJsonAsync<Platform.Web.Api.MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, TestContext.Current.CancellationToken);
        Assert.Equal(2, Assert.Single(series!.Series, s => s.Key == "train-loss/gru").Points.Count);
    }

    [Fact]
    public async Task A_gru_size_out_of_range_is_refused_with_a_field_error()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);

        using var response = await app.Client.PostAsJsonAsync("/api/v1/runs",
            new { kind = "text-entry", parameters = new { modelType = "gru", gruHiddenSize = 4096 } }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("parameters.gruHiddenSize", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_corpus_upload_is_refused_with_a_field_error()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, "a single line"u8.ToArray(), format: "dialogue-text", name: "one-line.txt");

        using var response = await app.Client.PostAsJsonAsync("/api/v1/runs",
            new { kind = "text-entry", parameters = new { uploadedCorpus = dataset.Id } }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("parameters.uploadedCorpus", body, StringComparison.Ordinal);
        Assert.Contains("two turns", body, StringComparison.Ordinal);
    }
}
