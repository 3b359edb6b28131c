using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>Runs the global model on the test set; evaluation is a measurement, so no FLOPs or bytes are charged.</summary>
public static class Evaluator
{
    private const int BatchSize = 250;

    public static Evaluation Evaluate(SplitVit model, ImageSet test, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var classes = model.Config.Classes;
        var (correct, seen) = (new double[classes], new double[classes]);
        var lossSum = 0.0;
        foreach (var chunk in Enumerable.Range(0, test.Count).Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var (images, labels) = test.Batch(chunk);
            var logits = model.Logits(images);
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            var predicted = logits.argmax(1).data<long>().ToArray();
            for (var i = 0; i < chunk.Length; i++)
            {
                var label = test.LabelArray[chunk[i]];
                seen[label]++;
                correct[label] += predicted[i] == label ? 1 : 0;
            }
        }

        var perClass = correct.Zip(seen, (c, s) => s > 0 ? 100.0 * c / s : 0).ToArray();
        return new Evaluation(100.0 * correct.Sum() / test.Count, lossSum / test.Count, perClass);
    }
}
