using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FrozenPartsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Sfprompt_leaves_head_and_body_exactly_as_pre_trained_and_moves_prompts_and_tail()
    {
        var config = TinyRun.Config;
        var weights = MethodHarness.RandomWeights(config);
        using var method = new SfPromptMethod(MethodNames.SfPrompt, MethodHarness.Settings(config), weights);
        var before = method.Global.Snapshot(ModelPart.Prompts | ModelPart.Tail);
        var client = MethodHarness.Client(0, samples: 16);

        method.TrainRound(1, [client], Ct);
        method.TrainRound(2, [client], Ct);

        foreach (var (name, parameter) in method.Global.ParametersOf(ModelPart.Head | ModelPart.Body))
        {
            Assert.Equal(weights[name].Values, parameter.detach().contiguous().data<float>().ToArray());
        }
        Assert.False(torch.allclose(before["prompts.value"], method.Global.Prompts.Value, rtol: 0, atol: 0));
        Assert.False(torch.allclose(before["tail.classifier.weight"], method.Global.ParametersOf(ModelPart.Tail).Single(p => p.Name == "tail.classifier.weight").Parameter, rtol: 0, atol: 0));
        client.Data.Dispose();
    }

    [Fact]
    public void Full_fine_tuning_does_change_the_body()
    {
        var config = TinyRun.Config;
        var weights = MethodHarness.RandomWeights(config);
        using var method = new FlFullMethod(MethodHarness.Settings(config), weights);
        var client = MethodHarness.Client(0, samples: 16);

        method.TrainRound(1, [client], Ct);

        var (name, parameter) = method.Global.ParametersOf(ModelPart.Body).First();
        Assert.NotEqual(weights[name].Values, parameter.detach().contiguous().data<float>().ToArray());
        client.Data.Dispose();
    }
}
