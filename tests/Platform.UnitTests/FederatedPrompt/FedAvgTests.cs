using Platform.Experiments.FederatedPrompt.Federation;
using Platform.UnitTests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FedAvgTests
{
    [Fact]
    public void Averaging_identical_clients_returns_the_client()
    {
        torch.manual_seed(4);
        var client = new Dictionary<string, Tensor> { ["a"] = torch.randn(3, 4), ["b"] = torch.randn(5) };

        var average = FedAvg.Average([(client, 10.0), (client, 30.0), (client, 1.0)]);

        Assert.True(torch.allclose(client["a"], average["a"], rtol: 1e-6, atol: 1e-7));
        Assert.True(torch.allclose(client["b"], average["b"], rtol: 1e-6, atol: 1e-7));
    }

    [Fact]
    public void Weights_follow_the_sample_counts()
    {
        var one = new Dictionary<string, Tensor> { ["w"] = torch.tensor(new float[] { 1, 10 }) };
        var two = new Dictionary<string, Tensor> { ["w"] = torch.tensor(new float[] { 3, 30 }) };

        var average = FedAvg.Average([(one, 1.0), (two, 3.0)]);

        Assert.Equal([2.5f, 25f], average["w"].data<float>().ToArray());
    }
}
