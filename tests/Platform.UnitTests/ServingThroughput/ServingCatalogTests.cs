using System.Text.Json;
using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Experiments.ServingThroughput;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;
using Platform.UnitTests.Catalog;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>An uploaded hardware catalogue extends the built-in models and GPUs; a name only it has needs it.</summary>
public sealed class ServingCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ParameterBindingResult Bind(object parameters) =>
        ParameterBinder.Bind(typeof(ServingThroughputParameters), JsonSerializer.SerializeToElement(parameters));

    private static async Task<List<(string Field, string Message)>> CheckDatasetsAsync(ServingThroughputParameters p, IDatasetReader datasets) =>
        await p.ValidateDatasetsAsync(datasets, Ct).ToListAsync(Ct);

    [Fact]
    public void A_gpu_only_an_upload_has_is_a_400_naming_catalog_gpu_without_the_catalogue()
    {
        var bound = Bind(new { mode = "cost-model", gpu = "catalog", catalogGpu = "test-gpu" });

        Assert.Contains("no GPU 'test-gpu' in the built-in catalogue", Assert.Single(bound.Errors["catalogGpu"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comm_overlap_model_lacks_what_the_cost_model_needs()
    {
        var bound = Bind(new { model = "catalog", catalogModel = "gpt3" });

        Assert.Contains("lacks layers, heads, kvHeads, ffnSize or vocab", Assert.Single(bound.Errors["catalogModel"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_the_catalogue_uses_the_uploaded_gpu_figures()
    {
        var datasets = new InMemoryDatasets();
        var id = datasets.Add(CatalogFiles.With(gpus: CatalogFiles.NewGpu), HardwareCatalogDataset.Format);
        var bound = Bind(new { mode = "cost-model", gpu = "catalog", catalogGpu = "test-gpu", catalog = id });
        Assert.Empty(bound.Errors);
        var p = (ServingThroughputParameters)bound.Value!;
        Assert.Empty(await CheckDatasetsAsync(p, datasets));

        var summary = await new ServingThroughputExperiment().RunAsync(p, new RecordingRunContext { Datasets = datasets }, Ct);

        var expected = ServingCostModel.Evaluate(
            new ServingSystem(ModelCatalog.Presets["llama-2-70b"], new GpuSpec("Test GPU", 500, 4, 96, 400), 8, ComputeCalibration.Fitted, 2),
            new WorkloadStats("constant", 1024, 512));
        Assert.Equal(expected.OptimalPerGpu, summary.Metrics["optimal_tokens_per_s_per_gpu"], 9);
        Assert.NotEqual(1857, summary.Metrics["optimal_tokens_per_s_per_gpu"], 0);
    }

    [Fact]
    public async Task An_uploaded_entry_of_a_built_in_name_replaces_its_figures()
    {
        var datasets = new InMemoryDatasets();
        var id = datasets.Add(CatalogFiles.With(gpus: CatalogFiles.NewGpu.Replace("test-gpu", "a100-80g", StringComparison.Ordinal)), HardwareCatalogDataset.Format);
        var p = new ServingThroughputParameters { Mode = ServingMode.CostModel, Catalog = id };

        var summary = await new ServingThroughputExperiment().RunAsync(p, new RecordingRunContext { Datasets = datasets }, Ct);

        Assert.Equal(new GpuSpec("Test GPU", 500, 4, 96, 400), p.ResolveGpu());
        Assert.NotEqual(1857, summary.Metrics["optimal_tokens_per_s_per_gpu"], 0);
    }

    [Fact]
    public async Task A_catalogue_without_the_named_entry_or_with_a_bad_field_is_refused_at_submission()
    {
        var datasets = new InMemoryDatasets();
        var other = datasets.Add(CatalogFiles.With(CatalogFiles.NewModel), HardwareCatalogDataset.Format);
        var bad = datasets.Add(CatalogFiles.With(CatalogFiles.NewModel.Replace("\"kvHeads\": 8", "\"kvHeads\": 7", StringComparison.Ordinal)), HardwareCatalogDataset.Format);

        var missing = await CheckDatasetsAsync(new ServingThroughputParameters { Gpu = "catalog", CatalogGpu = "test-gpu", Catalog = other }, datasets);
        var malformed = await CheckDatasetsAsync(new ServingThroughputParameters { Catalog = bad }, datasets);

        Assert.Equal("catalogGpu", Assert.Single(missing).Field);
        Assert.Equal(("catalog", "models[0].kvHeads must divide heads (48); got 7."), Assert.Single(malformed));
    }

    [Fact]
    public async Task The_tensor_parallel_degree_must_divide_an_uploaded_models_kv_heads()
    {
        var datasets = new InMemoryDatasets();
        var id = datasets.Add(CatalogFiles.With(CatalogFiles.NewModel.Replace("\"kvHeads\": 8", "\"kvHeads\": 4", StringComparison.Ordinal)), HardwareCatalogDataset.Format);

        var problems = await CheckDatasetsAsync(new ServingThroughputParameters { Model = "catalog", CatalogModel = "test-model", Catalog = id, TensorParallel = 8 }, datasets);

        Assert.Equal("tensorParallel", Assert.Single(problems).Field);
    }
}
