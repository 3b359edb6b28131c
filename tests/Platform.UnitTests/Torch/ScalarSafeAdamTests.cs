using Platform.Experiments.Torch;
using Platform.UnitTests.Support;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.UnitTests.Torch;

[Collection(LibTorchCollection.Name)]
public sealed class ScalarSafeAdamTests
{
    public static TheoryData<string, double> Cases => new()
    {
        { "adam", 0 },
        { "adam", 0.05 },
        { "adamw", 0.05 },
    };

    /// <summary>The same gradients through TorchSharp's optimizer and ours leave the same parameters, step after step.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_match_TorchSharps_optimizer(string kind, double weightDecay)
    {
        torch.manual_seed(7);
        using var start = torch.randn(6, 5);
        using var target = torch.randn(6, 5);
        using var theirs = new Parameter(start.clone());
        using var ours = new Parameter(start.clone());
        using optim.Optimizer reference = kind == "adam"
            ? optim.Adam([theirs], 0.01, weight_decay: weightDecay)
            : optim.AdamW([theirs], 0.01, weight_decay: weightDecay);
        using var subject = kind == "adam"
            ? ScalarSafeAdam.Adam([ours], 0.01, weightDecay)
            : ScalarSafeAdam.AdamW([ours], 0.01, weightDecay);

        for (var step = 0; step < 8; step++)
        {
            Step(reference, theirs, target, step);
            Step(subject, ours, target, step);
        }

        Assert.True(theirs.allclose(ours, rtol: 0, atol: 1e-6), $"max difference {(theirs - ours).abs().max().item<float>()}");
        Assert.False(theirs.allclose(start, rtol: 0, atol: 1e-3), "the parameters should have moved");
    }

    private static void Step(optim.Optimizer optimizer, Parameter parameter, Tensor target, int step)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        // A loss whose gradient changes sign and size from step to step, so both moments matter.
        var loss = ((parameter - target).pow(2) * (1 + step % 3)).sum() + (parameter * (step % 2 == 0 ? 1 : -2)).sum();
        loss.backward();
        optimizer.step();
    }
}
