using TorchSharp;
using static TorchSharp.torch;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.Torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Supervised pre-training of the whole ViT (no prompts) on the source glyph task.</summary>
public sealed class Pretrainer(VitConfig config, int batchSize, double learningRate = 1e-3)
{
    /// <summary>One epoch over <paramref name="data"/>; returns the mean training loss.</summary>
    public double Epoch(SplitVit model, optim.Optimizer optimizer, ImageSet data, SeededRandom rng, CancellationToken cancellationToken)
    {
        model.train();
        var order = Enumerable.Range(0, data.Count).ToArray();
        rng.Shuffle(order);
        var (sum, batches) = (0.0, 0);
        foreach (var chunk in order.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var (images, labels) = data.Batch(chunk);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.Logits(images), labels);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            batches++;
        }
        return sum / Math.Max(1, batches);
    }

    public SplitVit CreateModel()
    {
        var model = new SplitVit(config.WithoutPrompts());
        model.TrainOnly(ModelPart.All);
        return model;
    }

    public optim.Optimizer CreateOptimizer(SplitVit model) =>
        ScalarSafeAdam.AdamW(model.parameters(), learningRate, weightDecay: 0.05);
}
