using System.Text;
using Platform.Experiments.CommOverlap;
using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.HardwareProfile;
using Platform.Experiments.ServingThroughput;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.Security;

/// <summary>
/// Each family's peak-memory estimate against a case worked out by hand from the shapes its code allocates. The
/// arithmetic is spelled out in each test, so a changed formula has to be argued, not just re-run.
/// </summary>
public sealed class PeakMemoryEstimateTests
{
    [Fact]
    public void Hardware_profile_adds_matrices_copy_buffers_and_the_mlp()
    {
        var p = new HardwareProfileParameters();

        // 3·1024²·4 (matrices) + 2·64 MiB (copy) + 16·301,066 (MLP 64→512→512→10: weights, grads, Adam m and v)
        // + 2·256·(64 + 4·512 + 10)·4 (activations and their gradients).
        Assert.Equal(12_582_912 + 134_217_728 + 4_817_056 + 4_345_856, p.EstimatePeakMemory().Bytes);
    }

    [Fact]
    public void Comm_overlap_counts_the_cpu_ring_and_nothing_for_the_simulation()
    {
        var p = new CommOverlapParameters { Mode = RunMode.CpuReal, CpuRanks = 2, CpuTokens = 64, CpuHidden = 64 };

        // inner = 4·64/2 = 128, chunk = 64/2 = 32 rows. Inputs 2·64·128·4, weights 2·128·64·4, buffers 2·2·32·64·4, in flight 2·32·64·4.
        Assert.Equal(65_536 + 65_536 + 32_768 + 16_384, p.EstimatePeakMemory().Bytes);
        Assert.Equal(0, new CommOverlapParameters().EstimatePeakMemory().Bytes);
    }

    [Fact]
    public void Serving_throughput_counts_the_live_requests_kv_caches()
    {
        var p = new ServingThroughputParameters
        {
            Mode = ServingMode.CpuReal, CpuModelDim = 64, CpuLayers = 1, CpuHeads = 1, CpuKvHeads = 1, CpuFfn = 16,
            TokenBudget = 8, Requests = 1, CpuPromptTokens = 1, CpuOutputTokens = 1,
        };

        // Weights: 64·192 + 64·64 + 3·64·16 + 64·256 (lm_head) + 256·64 (embedding) = 52,224 floats.
        // KV: min(8, 1) request · 2 · 1 layer · 2 tokens · 64 · 4. Probe: 8·(2·2·64 + 64)·4. GEMM curve: (2·8·64 + 2·64·16 + 4·8·16)·4.
        // One iteration: 8·(4·64 + 2·64 + 3·16 + 256)·4.
        Assert.Equal((52_224 * 4) + 1_024 + 10_240 + 14_336 + 22_016, p.EstimatePeakMemory().Bytes);
    }

    [Fact]
    public void Serving_throughput_at_its_maximum_kv_cache_is_the_48_GiB_of_the_issue()
    {
        var p = new ServingThroughputParameters
        {
            Mode = ServingMode.CpuReal, CpuModelDim = 1024, CpuLayers = 12, CpuHeads = 16, CpuKvHeads = 16,
            TokenBudget = 1024, Requests = 10_000, CpuPromptTokens = 480, CpuOutputTokens = 32,
        };

        var kv = p.EstimatePeakMemory().Parts.Single(part => part.What.StartsWith("KV", StringComparison.Ordinal));

        // 1024 live requests · K and V · 12 layers · 512 tokens · 1024 wide · 4 bytes.
        Assert.Equal(48.0 * (1L << 30), kv.Bytes);
        Assert.Contains("tokenBudget", p.EstimatePeakMemory().Drivers());
    }

    [Fact]
    public void Edge_offload_keeps_every_frame_set()
    {
        var p = new EdgeOffloadParameters
        {
            ImageSize = 32, Classes = 1, TeacherFrames = 32, DistillFrames = 32, FilterFrames = 32, ValidationFrames = 16,
            StreamFrames = 16, BatchSize = 2,
        };

        // 128 frames · 3·32² · 4. Batch: 2·2·(3072 + (1 class + 4 + 1)·4²)·4.
        // Feature maps: (16 + 32)·8² + (48 + 48 + 5)·4² + 64·2² = 4,944, kept three times plus a gradient: 2·4·4,944·4.
        Assert.Equal(1_572_864 + 50_688 + 158_208, p.EstimatePeakMemory().Bytes);
    }

    [Fact]
    public void Federated_prompt_counts_images_models_and_activations()
    {
        var p = new FederatedPromptParameters
        {
            ModelPreset = ModelPreset.Custom, Width = 16, Depth = 1, Heads = 2, PatchSize = 8, PromptTokens = 0,
            Methods = ["sfprompt"], ClientsPerRound = 1, Clients = 2, SamplesPerClient = 10, PretrainImages = 200,
            TestImages = 50, BatchSize = 4,
        };

        // Images: (200 + 500 held out + 2·10 + 50)·2 copies·3072·4. Weights: head 3,376 + block 2,224 + tail 202 = 5,802,
        // for (1 method + 1 client + 1 pre-trained)·4 copies·4 bytes. Activations: 2·4·(12·17·16 + 2·2·17²)·4.
        Assert.Equal(18_923_520 + (3 * 16 * 5_802) + 141_440, p.EstimatePeakMemory().Bytes);
    }

    [Fact]
    public async Task Text_entry_measures_the_uploaded_corpus_once_it_is_checked()
    {
        // 10 dialogues of "hi there" / "ok": 100 characters, 70 stream tokens (each turn between <s> and </s>), 3 words + 3 specials.
        var corpus = InMemoryDatasets.Shared.Add(Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("hi there\nok", 10))), CorpusDataset.Format);
        var ngram = new TextEntryParameters { UploadedCorpus = corpus, NgramOrder = 3 };
        var gru = new TextEntryParameters
        {
            UploadedCorpus = corpus, ModelType = LanguageModelType.Gru, GruEmbeddingSize = 8, GruHiddenSize = 8, GruBatchSize = 1, BeamWidth = 1,
        };
        var unchecked3 = ngram.EstimatePeakMemory().Bytes;

        foreach (var p in new[] { ngram, gru })
        {
            Assert.Empty(await p.ValidateDatasetsAsync(InMemoryDatasets.Shared, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        }

        // Corpus 4·100 + 32·70; n-grams 3·70·48.
        Assert.Equal(2_640 + 10_080, ngram.EstimatePeakMemory().Bytes);
        // GRU weights 6·8 + 3·8·16 + 6·8 + 8·6 + 6 = 534, ·16; a batch of the 7-token dialogue: 7·(3·6 + 4·8 + 8)·4; beam 2·1·6·4.
        Assert.Equal(2_640 + 8_544 + 1_624 + 48, gru.EstimatePeakMemory().Bytes);
        // Before the file is read, the estimate is of the largest corpus the parameter accepts.
        Assert.True(unchecked3 > 100 * ngram.EstimatePeakMemory().Bytes, $"{unchecked3} bytes before the check");
    }

    [Fact]
    public void Every_family_estimates_and_its_maximum_exceeds_its_presets()
    {
        foreach (var (family, presets, maximum) in Families())
        {
            var largestPreset = presets.Max(p => p.Estimate.Bytes);
            foreach (var (name, estimate) in presets)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{family} {name}: {MemoryEstimate.Format(estimate.Bytes)} ({estimate.Describe()})");
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{family} maximum: {MemoryEstimate.Format(maximum.Bytes)} ({maximum.Describe()}); drivers {string.Join(", ", maximum.Drivers())}");
            Assert.True(maximum.Bytes > largestPreset, $"{family}: maximum {maximum.Bytes} is not above its presets' {largestPreset}");
        }
    }

    private static IEnumerable<(string Family, IReadOnlyList<(string Name, MemoryEstimate Estimate)> Presets, MemoryEstimate Maximum)> Families()
    {
        static (string, MemoryEstimate)[] Of<T>(Experiment<T> experiment) where T : class, new() =>
            [.. experiment.Presets.Select(p => (p.Name, ((IEstimatesPeakMemory)p.Parameters).EstimatePeakMemory()))];

        yield return ("hardware-profile", Of(new HardwareProfileExperiment()), new HardwareProfileParameters
        {
            MatrixSizes = [4096], CopyBufferMiB = 1024, TrainBatchSize = 4096, TrainHiddenWidth = 4096,
        }.EstimatePeakMemory());
        yield return ("comm-overlap", Of(new CommOverlapExperiment()), new CommOverlapParameters
        {
            Mode = RunMode.CpuReal, CpuRanks = 8, CpuTokens = 8192, CpuHidden = 2048,
        }.EstimatePeakMemory());
        yield return ("serving-throughput", Of(new ServingThroughputExperiment()), new ServingThroughputParameters
        {
            Mode = ServingMode.CpuReal, CpuModelDim = 1024, CpuLayers = 12, CpuHeads = 16, CpuKvHeads = 16, CpuFfn = 4096,
            TokenBudget = 1024, Requests = 10_000, CpuPromptTokens = 480, CpuOutputTokens = 32,
        }.EstimatePeakMemory());
        yield return ("edge-offload", Of(new EdgeOffloadExperiment()), new EdgeOffloadParameters
        {
            ImageSize = 128, Classes = 5, TeacherFrames = 20_000, DistillFrames = 20_000, FilterFrames = 20_000,
            ValidationFrames = 5_000, StreamFrames = 5_000, BatchSize = 256,
        }.EstimatePeakMemory());
        yield return ("federated-prompt", Of(new FederatedPromptExperiment(new PretrainedCache(Path.GetTempPath()))), new FederatedPromptParameters
        {
            ModelPreset = ModelPreset.Custom, Width = 192, Depth = 12, Heads = 8, PatchSize = 4, PromptTokens = 32,
            PretrainImages = 20_000, Clients = 100, ClientsPerRound = 100, SamplesPerClient = 1000, TestImages = 5000, BatchSize = 128,
        }.EstimatePeakMemory());
        yield return ("text-entry", Of(new TextEntryExperiment()), new TextEntryParameters
        {
            Dialogues = 50_000, ModelType = LanguageModelType.Gru, GruEmbeddingSize = 256, GruHiddenSize = 512, GruBatchSize = 256, BeamWidth = 256,
        }.EstimatePeakMemory());
    }
}
