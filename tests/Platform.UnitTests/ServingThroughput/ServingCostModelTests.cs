using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.UnitTests.ServingThroughput;

public sealed class ServingCostModelTests
{
    private static ServingSystem Llama70B(double efficiency = 0.82) =>
        new(ModelCatalog.Presets["llama-2-70b"], GpuCatalog.Presets["a100-80g"], 8, efficiency, 2);

    [Fact]
    public void Active_parameters_of_llama_2_70b_match_the_hand_count()
    {
        // Per layer: attention 8192*(8192+2*1024) + 8192^2 = 150,994,944; FFN 3*8192*28672 = 704,643,072; x80, plus lm_head 32000*8192.
        Assert.Equal(80 * (150_994_944.0 + 704_643_072.0) + 262_144_000.0, ModelCatalog.Presets["llama-2-70b"].ActiveParams);
    }

    [Fact]
    public void Optimum_is_effective_flops_over_two_flops_per_parameter()
    {
        var system = Llama70B(efficiency: 255.0 / 312);

        // 255 TFLOP/s / (2 x 68,713,185,280) = 1855.5 tokens/s/GPU, the paper's 1857 within 0.1%.
        Assert.Equal(255e12 / (2 * 68_713_185_280.0), ServingCostModel.OptimalPerGpu(system), 6);
        Assert.InRange(ServingCostModel.OptimalPerGpu(system), 1857 * 0.99, 1857 * 1.01);
    }

    [Fact]
    public void Kv_capacity_gives_1995_concurrent_requests_for_512_512()
    {
        // (640 GB - 68.98 B params x 2 bytes) / (327,680 bytes/token x (512 + 256) tokens) = 1995 requests.
        var requests = ServingCostModel.MaxConcurrentRequests(Llama70B(), new WorkloadStats("c", 512, 512));

        Assert.Equal(1995, requests, 0);
        Assert.Equal(2 * requests, ServingCostModel.MaxDenseBatch(Llama70B(), new WorkloadStats("c", 512, 512)), 6);
    }

    [Theory]
    [InlineData(512, 512)]
    [InlineData(1024, 512)]
    [InlineData(512, 1024)]
    public void A_70b_model_on_eight_a100s_is_compute_bound(int prompt, int output)
    {
        var result = ServingCostModel.Evaluate(Llama70B(1.0), new WorkloadStats("c", prompt, output));

        Assert.Equal(Bottleneck.Compute, result.Times.Bottleneck);
        Assert.Equal(0.28, result.Times.NetworkToCompute, 2);
    }

    [Fact]
    public void Llama_3_8b_with_long_decode_is_memory_bound_at_spec_flops()
    {
        var system = new ServingSystem(ModelCatalog.Presets["llama-3-8b"], GpuCatalog.Presets["a100-80g"], 1, 1.0, 2);

        var result = ServingCostModel.Evaluate(system, new WorkloadStats("c", 512, 1024));

        Assert.Equal(Bottleneck.Memory, result.Times.Bottleneck);
        Assert.InRange(result.Times.MemoryToCompute, 1.10, 1.18);
        Assert.Equal(0, result.Times.Network);
    }

    [Fact]
    public void Trace_csv_means_are_read_and_a_bad_line_is_named()
    {
        Assert.True(TraceCsvParser.TryParse("TIMESTAMP,ContextTokens,GeneratedTokens\n1,100,10\n2,300,30\n", out var stats, out _));
        Assert.Equal((200, 20, 2), (stats!.MeanPrompt, stats.MeanOutput, stats.Requests));

        Assert.False(TraceCsvParser.TryParse("ContextTokens,GeneratedTokens\n100,10\nx,3\n", out _, out var error));
        Assert.Contains("Line 3", error);
        Assert.False(TraceCsvParser.TryParse("a,b\n1,2\n", out _, out _));
    }
}
