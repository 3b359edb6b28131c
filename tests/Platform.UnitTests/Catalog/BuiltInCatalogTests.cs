using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.ServingThroughput.Hardware;
using CommGpu = Platform.Experiments.CommOverlap.Hardware.GpuSpec;
using GpuSpec = Platform.Experiments.ServingThroughput.Hardware.GpuSpec;

namespace Platform.UnitTests.Catalog;

/// <summary>
/// The shipped catalogue is the single source of the figures the families used as C# constants before it: every entry
/// and every field is compared with those constants here, so changing one number in the JSON fails a test.
/// </summary>
public sealed class BuiltInCatalogTests
{
    [Fact]
    public void The_serving_models_are_the_former_constants_in_their_order()
    {
        var expected = new Dictionary<string, ModelShape>
        {
            ["llama-2-70b"] = new("LLaMA-2-70B", 8192, 80, 64, 8, 28672, 32000),
            ["llama-3-70b"] = new("LLaMA-3-70B", 8192, 80, 64, 8, 28672, 128256),
            ["qwen2-72b"] = new("Qwen2-72B", 8192, 80, 64, 8, 29568, 152064),
            ["deepseek-67b"] = new("DeepSeek-67B", 8192, 95, 64, 8, 22016, 102400),
            ["mixtral-8x7b"] = new("Mixtral-8x7B", 4096, 32, 32, 8, 14336, 32000, Experts: 8, TopK: 2),
            ["llama-3-8b"] = new("LLaMA-3-8B", 4096, 32, 32, 8, 14336, 128256),
        };

        Assert.Equal(expected.ToList(), ModelCatalog.Presets.ToList());
    }

    [Fact]
    public void The_serving_gpus_are_the_former_constants_in_their_order()
    {
        var expected = new Dictionary<string, GpuSpec>
        {
            ["a100-80g"] = new("A100-80G-SXM", 312, 2.039, 80, 300),
            ["a100-40g"] = new("A100-40G-SXM", 312, 1.555, 40, 300),
            ["h100"] = new("H100-SXM", 989, 3.35, 80, 450),
            ["h200"] = new("H200", 989, 4.8, 141, 450),
        };

        Assert.Equal(expected.ToList(), GpuCatalog.Presets.ToList());
    }

    [Fact]
    public void The_comm_overlap_gpu_presets_are_the_former_constants()
    {
        var expected = new Dictionary<GpuPreset, CommGpu>
        {
            [GpuPreset.T3Calibrated] = new(181, 0.75, 1.6, 150),
            [GpuPreset.Mi210Like] = new(181, 0.75, 1.6, 100),
            [GpuPreset.A100Like] = new(312, 0.75, 2.0, 300),
            [GpuPreset.H100Like] = new(989, 0.75, 3.35, 450),
            [GpuPreset.Mi300xLike] = new(1307, 0.75, 5.3, 64),
        };

        Assert.Equal(expected.Keys, Enum.GetValues<GpuPreset>());
        Assert.All(expected, e => Assert.Equal(e.Value, CommGpu.For(e.Key)));
        Assert.All(expected.Keys, k => Assert.Null(HardwareCatalog.BuiltIn.Gpu(Names.Kebab(k)).MemoryGB));
    }

    [Fact]
    public void The_comm_overlap_models_have_the_former_hidden_sizes_and_labels()
    {
        // Layers and heads are new with the catalogue (from the cited papers); the hidden sizes and labels are the former constants.
        var expected = new Dictionary<TransformerModel, (int Hidden, string Label, int? Layers, int? Heads)>
        {
            [TransformerModel.MegaGpt2] = (3072, "Mega-GPT-2", 72, 32),
            [TransformerModel.TNlg] = (4256, "T-NLG", 78, 28),
            [TransformerModel.Gpt3] = (12288, "GPT-3", 96, 96),
            [TransformerModel.Palm] = (18432, "PaLM", 118, 48),
            [TransformerModel.MtNlg] = (20480, "MT-NLG", 105, 128),
        };

        Assert.Equal([.. expected.Keys, TransformerModel.Custom], Enum.GetValues<TransformerModel>());
        Assert.All(expected, e =>
        {
            var entry = HardwareCatalog.BuiltIn.Model(Names.Kebab(e.Key));
            Assert.Equal(e.Value, (ModelShapes.HiddenSize(e.Key, HardwareCatalog.BuiltIn), ModelShapes.Label(e.Key), entry.Layers, entry.Heads));
            Assert.Equal((null, null, null, 1, 1), (entry.KvHeads, entry.FfnSize, entry.Vocab, entry.Experts, entry.ExpertsPerToken));
        });
        Assert.Equal(8192, new CommOverlapParameters().HiddenSize(TransformerModel.Custom));
    }

    [Fact]
    public void The_catalogue_holds_exactly_those_entries_each_with_its_source()
    {
        var catalog = HardwareCatalog.BuiltIn;

        Assert.Equal(
            ["llama-2-70b", "llama-3-70b", "qwen2-72b", "deepseek-67b", "mixtral-8x7b", "llama-3-8b", "mega-gpt2", "t-nlg", "gpt3", "palm", "mt-nlg"],
            catalog.Models.Select(m => m.Name));
        Assert.Equal(
            ["a100-80g", "a100-40g", "h100", "h200", "t3-calibrated", "mi210-like", "a100-like", "h100-like", "mi300x-like"],
            catalog.Gpus.Select(g => g.Name));
        Assert.All(catalog.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Source)));
        Assert.All(catalog.Gpus, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
    }

    [Fact]
    public void The_file_copied_for_registration_is_the_embedded_one()
    {
        var copied = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, HardwareCatalogDataset.BuiltInPath));

        var parsed = HardwareCatalogParser.Parse(copied);

        Assert.Empty(parsed.Errors);
        Assert.Equal(HardwareCatalog.BuiltIn.Models, parsed.Catalog!.Models);
        Assert.Equal(HardwareCatalog.BuiltIn.Gpus, parsed.Catalog.Gpus);
    }
}
