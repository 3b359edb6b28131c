using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>The mechanics SFPrompt trains with: split steps through the link and the local-loss path.</summary>
[Collection(LibTorchCollection.Name)]
public sealed class SplitStepTests
{
    [Theory]
    [InlineData(TransferMode.Full)]
    [InlineData(TransferMode.Minimal)]
    public void Repeated_split_steps_through_a_frozen_server_body_lower_the_batch_loss(TransferMode mode)
    {
        var config = TinyRun.Config;
        torch.manual_seed(3);
        using var client = new SplitVit(config);
        using var server = new SplitVit(config);
        client.TrainOnly(ModelPart.Prompts | ModelPart.Tail);
        server.TrainOnly(ModelPart.None);
        using var optimizer = torch.optim.Adam(client.ParametersOf(ModelPart.Prompts | ModelPart.Tail).Select(p => p.Parameter), 1e-2);
        var data = MethodHarness.Client(0, samples: 16);
        var (images, labels) = data.Data.Batch([.. Enumerable.Range(0, 16)]);
        var step = new SplitStep(new SimulatedLink(), mode);
        var promptsBefore = client.Prompts.Value.detach().clone();

        var losses = new List<float>();
        for (var i = 0; i < 15; i++)
        {
            optimizer.zero_grad();
            losses.Add(step.Run(client, server.Body, null, images, labels, headTrainable: false));
            optimizer.step();
        }

        Assert.True(losses[^1] < 0.8 * losses[0], string.Join(", ", losses));
        Assert.False(torch.allclose(promptsBefore, client.Prompts.Value, rtol: 0, atol: 0));
        data.Data.Dispose();
    }

    [Fact]
    public void The_local_loss_path_reaches_the_prompts_only_with_mean_pooling()
    {
        var config = TinyRun.Config;
        torch.manual_seed(3);
        using var model = new SplitVit(config);
        model.TrainOnly(ModelPart.Prompts | ModelPart.Tail);
        var data = MethodHarness.Client(0, samples: 8);
        var (images, labels) = data.Data.Batch([.. Enumerable.Range(0, 8)]);

        torch.nn.functional.cross_entropy(model.LocalLogits(images, LocalLossPooling.Mean), labels).backward();
        var meanGradient = model.Prompts.Value.grad!.abs().sum().item<float>();
        model.zero_grad();
        torch.nn.functional.cross_entropy(model.LocalLogits(images, LocalLossPooling.Cls), labels).backward();
        var clsGradient = model.Prompts.Value.grad?.abs().sum().item<float>() ?? 0;

        Assert.True(meanGradient > 0);
        Assert.Equal(0, clsGradient);
        data.Data.Dispose();
    }
}
