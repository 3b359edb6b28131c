using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Core.Runs;
using Platform.Experiments.Catalog;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;
using Platform.IntegrationTests.Datasets;
using Platform.IntegrationTests.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>
/// A user extends the hardware catalogue with an upload: a GPU only the uploaded file has runs through the real queue
/// with the file's figures, and is refused at submission, naming the field, without the file.
/// </summary>
public sealed class HardwareCatalogRunTests(PostgresServer server)
{
    private static readonly byte[] s_catalog = Encoding.UTF8.GetBytes("""
        { "version": 1, "models": [], "gpus": [
          { "name": "test-gpu", "label": "Test GPU", "fp16Tflops": 500, "hbmTBps": 4, "memoryGB": 96, "linkGBps": 400, "source": "written by the test" } ] }
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_serving_run_on_an_uploaded_gpu_succeeds_with_its_figures_and_is_refused_without_the_catalogue()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, s_catalog, HardwareCatalogDataset.Format, "gpus.json");

        var run = await app.SubmitAsync(new
        {
            kind = "serving-throughput",
            parameters = new { mode = "cost-model", gpu = "catalog", catalogGpu = "test-gpu", catalog = dataset.Id },
        });
        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.True(done.State == RunState.Succeeded, done.Error);
        var expected = ServingCostModel.Evaluate(
            new ServingSystem(ModelCatalog.Presets["llama-2-70b"], new GpuSpec("Test GPU", 500, 4, 96, 400), 8, ComputeCalibration.Fitted, 2),
            new WorkloadStats("constant", 1024, 512));
        Assert.Equal(expected.OptimalPerGpu, done.ReadSummary().Metrics["optimal_tokens_per_s_per_gpu"], 6);

        using var refused = await app.Client.PostAsJsonAsync("/api/v1/runs", new
        {
            kind = "serving-throughput",
            parameters = new { mode = "cost-model", gpu = "catalog", catalogGpu = "test-gpu" },
        }, Ct);
        ProblemAssert.NamesField(await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest), "parameters.catalogGpu");
    }

    [Fact]
    public async Task A_comm_overlap_run_on_an_uploaded_gpu_succeeds_and_is_refused_without_the_catalogue()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, s_catalog, HardwareCatalogDataset.Format, "gpus.json");
        var tiny = new { models = new[] { "t-nlg" }, sublayers = new[] { "op" }, tpDegrees = new[] { 8 }, tokens = 1024, ganttSublayer = "op", assumptionSamples = 0 };

        var run = await app.SubmitAsync(new { kind = "comm-overlap", parameters = new { tiny.models, tiny.sublayers, tiny.tpDegrees, tiny.tokens, tiny.ganttSublayer, tiny.assumptionSamples, catalog = dataset.Id, catalogGpu = "test-gpu" } });
        using var refused = await app.Client.PostAsJsonAsync("/api/v1/runs", new { kind = "comm-overlap", parameters = new { tiny.models, catalogGpu = "test-gpu" } }, Ct);

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.True(done.State == RunState.Succeeded, done.Error);
        ProblemAssert.NamesField(await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest), "parameters.catalogGpu");
    }

    [Fact]
    public async Task A_malformed_catalogue_is_a_400_naming_the_catalog_parameter()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var bad = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(s_catalog).Replace("\"fp16Tflops\": 500", "\"fp16Tflops\": -500", StringComparison.Ordinal));
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, bad, HardwareCatalogDataset.Format, "bad.json");

        using var refused = await app.Client.PostAsJsonAsync("/api/v1/runs", new { kind = "serving-throughput", parameters = new { catalog = dataset.Id } }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("gpus[0].fp16Tflops must be 1-100000 (got -500).", problem.GetProperty("errors").GetProperty("parameters.catalog")[0].GetString(), StringComparison.Ordinal);
    }
}
