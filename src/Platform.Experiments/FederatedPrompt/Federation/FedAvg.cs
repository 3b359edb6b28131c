using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>Federated averaging: the weighted mean of each named tensor over the clients' uploads.</summary>
public static class FedAvg
{
    public static Dictionary<string, Tensor> Average(IReadOnlyList<(IReadOnlyDictionary<string, Tensor> Values, double Weight)> uploads)
    {
        if (uploads.Count == 0)
        {
            throw new ArgumentException("FedAvg needs at least one upload.", nameof(uploads));
        }

        var total = uploads.Sum(u => u.Weight);
        var result = new Dictionary<string, Tensor>();
        using var noGrad = torch.no_grad();
        foreach (var name in uploads[0].Values.Keys)
        {
            var sum = torch.zeros_like(uploads[0].Values[name]);
            foreach (var (values, weight) in uploads)
            {
                sum.add_(values[name], alpha: weight / total);
            }
            result[name] = sum.DetachFromDisposeScope();
        }
        return result;
    }
}
