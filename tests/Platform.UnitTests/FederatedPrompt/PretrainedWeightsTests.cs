using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Reporting;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>User-supplied safetensors weights: the format, the check at submission, and a run that uses them.</summary>
[Collection(LibTorchCollection.Name)]
public sealed class PretrainedWeightsTests
{
    [Fact]
    public void The_module_parameters_are_exactly_the_documented_names_and_shapes()
    {
        var config = TinyRun.Config;
        using var model = new SplitVit(config);

        var actual = model.ParametersOf(ModelPart.Head | ModelPart.Body | ModelPart.Tail).ToDictionary(p => p.Name, p => p.Parameter.shape);

        Assert.Equal(VitShapes.Pretrained(config).OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)),
            actual.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void A_written_file_reads_back_and_loads_into_a_model_unchanged()
    {
        var config = TinyRun.Config;
        var weights = MethodHarness.RandomWeights(config);

        var read = Safetensors.Read(Safetensors.Write(weights), VitShapes.Pretrained(config));
        using var model = new SplitVit(config);
        WeightTransfer.Import(model, read);
        var exported = WeightTransfer.Export(model);

        Assert.Equal(weights.Keys.Order(), exported.Keys.Order());
        Assert.All(weights, kv =>
        {
            Assert.Equal(kv.Value.Shape, exported[kv.Key].Shape);
            Assert.Equal(kv.Value.Values, exported[kv.Key].Values);
        });
    }

    [Fact]
    public async Task Submission_rejects_a_file_for_another_architecture_and_accepts_a_matching_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasets = new InMemoryDatasets();
        var parameters = TinyRun.Parameters();
        var matching = datasets.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)), "safetensors");
        var wider = datasets.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config with { Width = 48, Heads = 2 })), "safetensors");

        parameters.PretrainedWeights = matching;
        Assert.Empty(await parameters.ValidateDatasetsAsync(datasets, ct).ToListAsync(ct));
        parameters.PretrainedWeights = wider;
        Assert.Contains(await parameters.ValidateDatasetsAsync(datasets, ct).ToListAsync(ct), e => e.Field == "pretrainedWeights" && e.Message.Contains("shape"));
        parameters.PretrainedWeights = datasets.Add("not safetensors!"u8.ToArray(), "safetensors");
        Assert.Contains(await parameters.ValidateDatasetsAsync(datasets, ct).ToListAsync(ct), e => e.Field == "pretrainedWeights");
        parameters.PretrainedWeights = Guid.NewGuid();
        Assert.Contains(await parameters.ValidateDatasetsAsync(datasets, ct).ToListAsync(ct), e => e.Field == "pretrainedWeights" && e.Message.Contains("no dataset"));
    }

    [Fact]
    public async Task A_run_with_uploaded_weights_skips_pre_training()
    {
        var parameters = TinyRun.Parameters();
        parameters.Methods = [MethodNames.SfPrompt];
        parameters.Rounds = 1;
        parameters.PretrainedWeights = InMemoryDatasets.Shared.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)), "safetensors");
        var context = new RecordingRunContext();
        IExperiment experiment = new FederatedPromptExperiment(TinyRun.TemporaryCache());

        await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);

        Assert.Contains(context.Lines, line => line.Contains("uploaded"));
        Assert.Empty(context.Series(FederatedPromptMetrics.PretrainLoss));
        Assert.Single(context.Series(FederatedPromptMetrics.Of(FederatedPromptMetrics.Accuracy, MethodNames.SfPrompt)), p => p.Step == 1);
    }
}
