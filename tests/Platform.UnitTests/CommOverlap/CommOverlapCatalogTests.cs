using System.Text.Json;
using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap;
using Platform.Experiments.Contract.Parameters;
using Platform.UnitTests.Catalog;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.CommOverlap;

/// <summary>comm-overlap's GPU and custom model may come from an uploaded hardware catalogue, named at submission.</summary>
public sealed class CommOverlapCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ParameterBindingResult Bind(object parameters) =>
        ParameterBinder.Bind(typeof(CommOverlapParameters), JsonSerializer.SerializeToElement(parameters));

    [Fact]
    public void A_gpu_only_an_upload_has_is_a_400_naming_catalog_gpu_without_the_catalogue()
    {
        var bound = Bind(new { catalogGpu = "test-gpu" });

        Assert.Contains("no GPU 'test-gpu' in the built-in catalogue", Assert.Single(bound.Errors["catalogGpu"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_model_takes_the_custom_slot()
    {
        Assert.Contains("add custom to models", Assert.Single(Bind(new { catalogModel = "gpt3" }).Errors["catalogModel"]), StringComparison.Ordinal);

        var bound = Bind(new { models = new[] { "custom" }, catalogModel = "gpt3", catalogGpu = "h100-like" });

        Assert.Empty(bound.Errors);
        var p = (CommOverlapParameters)bound.Value!;
        Assert.Equal(12288, p.HiddenSize(TransformerModel.Custom));
        Assert.Equal(new Experiments.CommOverlap.Hardware.GpuSpec(989, 0.75, 3.35, 450), p.ResolveGpu());
    }

    [Fact]
    public async Task With_the_catalogue_the_uploaded_gpu_and_model_bind_and_their_figures_are_simulated()
    {
        var datasets = new InMemoryDatasets();
        var id = datasets.Add(CatalogFiles.With(CatalogFiles.NewModel, CatalogFiles.NewGpu), HardwareCatalogDataset.Format);
        var bound = Bind(new { catalog = id, models = new[] { "custom" }, catalogModel = "test-model", catalogGpu = "test-gpu", linkGbps = 200 });
        Assert.Empty(bound.Errors);
        var p = (CommOverlapParameters)bound.Value!;
        Assert.Empty(await p.ValidateDatasetsAsync(datasets, Ct).ToListAsync(Ct));

        p.UseCatalog(await HardwareCatalogDataset.LoadAsync(p.Catalog, datasets, Ct));

        Assert.Equal(6144, p.HiddenSize(TransformerModel.Custom));
        // The catalogue's figures, with the run's override on top.
        Assert.Equal(new Experiments.CommOverlap.Hardware.GpuSpec(500, 0.75, 4, 200), p.ResolveGpu());
    }

    [Fact]
    public async Task A_catalogue_without_the_named_gpu_is_refused_naming_catalog_gpu()
    {
        var datasets = new InMemoryDatasets();
        var id = datasets.Add(CatalogFiles.With(CatalogFiles.NewModel), HardwareCatalogDataset.Format);

        var p = (CommOverlapParameters)Bind(new { catalog = id, catalogGpu = "test-gpu" }).Value!;

        var problems = await p.ValidateDatasetsAsync(datasets, Ct).ToListAsync(Ct);

        Assert.Equal("catalogGpu", Assert.Single(problems).Field);
    }
}
