using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>
/// Paper Eq. 5, optimum = compute / (2 x parameters a token multiplies through), against values worked out by hand from
/// the public model configs: the expected numbers never go through the family's parameter counting.
/// </summary>
public sealed class OptimumTests
{
    private const double A100Flops = 312e12;
    private const double Efficiency = 0.82;

    [Theory]
    // LLaMA-2-70B: per layer 8192 x (8192 + 2 x 1024) + 8192^2 = 150,994,944 attention and 3 x 8192 x 28672 = 704,643,072 FFN
    // weights; x 80 layers plus the 32000 x 8192 lm_head = 68,713,185,280; 0.82 x 312e12 / (2 x that) = 1861.65 tokens/s/GPU.
    [InlineData("llama-2-70b", 8192, 80, 64, 8, 28672, 32000, 1, 68_713_185_280.0, 1861.6514)]
    // Mixtral-8x7B, top-2 of 8 experts: 4096 x (4096 + 2 x 1024) + 4096^2 = 41,943,040 attention and 2 x 3 x 4096 x 14336 =
    // 352,321,536 active FFN weights per layer; x 32 plus 32000 x 4096 = 12,747,538,432 active: 10,034.88 tokens/s/GPU.
    [InlineData("mixtral-8x7b", 4096, 32, 32, 8, 14336, 32000, 2, 12_747_538_432.0, 10034.8786)]
    // LLaMA-3-8B: 41,943,040 attention and 176,160,768 FFN weights per layer; x 32 plus 128256 x 4096 = 7,504,658,432: 17,045.41.
    [InlineData("llama-3-8b", 4096, 32, 32, 8, 14336, 128256, 1, 7_504_658_432.0, 17045.4127)]
    public void The_optimum_is_effective_flops_over_two_flops_per_active_parameter(
        string key, int hidden, int layers, int heads, int kvHeads, int ffn, int vocab, int activeExperts, double handActive, double handOptimum)
    {
        double kvDim = kvHeads * (hidden / heads);
        var attention = (hidden * (hidden + (2 * kvDim))) + ((double)hidden * hidden);
        var feedForward = activeExperts * 3.0 * hidden * ffn;
        var active = (layers * (attention + feedForward)) + ((double)vocab * hidden);
        Assert.Equal(handActive, active);
        Assert.Equal(handOptimum, Efficiency * A100Flops / (2 * active), 3);

        var system = new ServingSystem(ModelCatalog.Presets[key], GpuCatalog.Presets["a100-80g"], 8, Efficiency, 2);

        Assert.Equal(handOptimum, ServingCostModel.OptimalPerGpu(system), 3);
    }

    [Fact]
    public void The_fitted_efficiency_gives_the_papers_1857_for_llama_2_70b_and_nothing_else_is_fitted()
    {
        // 1857 x 2 x 68,713,185,280 / 312e12 = 0.817951...
        Assert.Equal(0.8179512, ComputeCalibration.Fitted, 7);
        var system = new ServingSystem(ModelCatalog.Presets["llama-2-70b"], GpuCatalog.Presets["a100-80g"], 8, ComputeCalibration.Fitted, 2);

        Assert.Equal(1857, ServingCostModel.OptimalPerGpu(system), 9);
    }
}
