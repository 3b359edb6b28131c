using Platform.Experiments.FederatedPrompt.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>EL2N scores (Paul et al., 2021) and the choice of which local samples to keep.</summary>
public static class DatasetPruning
{
    /// <summary>‖softmax(logits) − onehot(label)‖₂ per sample.</summary>
    public static float[] El2n(Tensor logits, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var probabilities = logits.softmax(-1);
        var onehot = nn.functional.one_hot(labels, logits.shape[1]).to(ScalarType.Float32);
        return probabilities.sub(onehot).pow(2).sum(1).sqrt().data<float>().ToArray();
    }

    public static int KeptCount(int samples, double keepRatio) => Math.Clamp((int)Math.Ceiling(keepRatio * samples), 1, samples);

    /// <summary>Indices of the samples to keep, in ascending index order.</summary>
    public static int[] Select(IReadOnlyList<float> scores, double keepRatio, PruneSelector selector, SeededRandom rng)
    {
        var kept = KeptCount(scores.Count, keepRatio);
        var order = Enumerable.Range(0, scores.Count).ToArray();
        if (selector == PruneSelector.Random)
        {
            rng.Shuffle(order);
        }
        else
        {
            order = [.. order.OrderByDescending(i => scores[i]).ThenBy(i => i)];
        }
        return [.. order.Take(kept).Order()];
    }
}
