using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// The paper's <c>Ext4ResNet</c> prefilter at toy scale: a small CNN on the stem output that tells frames with an
/// object of interest from empty ones, before the encoder runs. Output: two logits (empty, object).
/// </summary>
public sealed class NeuralFilter : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _features;
    private readonly nn.Module<Tensor, Tensor> _classifier;

    public NeuralFilter(int stemChannels) : base(nameof(NeuralFilter))
    {
        _features = nn.Sequential(
            nn.AdaptiveAvgPool2d([16, 16]),
            nn.Conv2d(stemChannels, 16, 4, stride: 2, padding: 1, bias: false),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Conv2d(16, 16, 3, stride: 2, padding: 1, bias: false),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Conv2d(16, 8, 2, bias: false),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d([4, 4]));
        _classifier = nn.Linear(8 * 4 * 4, 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor stemOutput)
    {
        using var features = _features.forward(stemOutput);
        using var flat = features.flatten(1);
        return _classifier.forward(flat);
    }

    /// <summary>p(object) per frame.</summary>
    public Tensor ObjectProbability(Tensor stemOutput)
    {
        using var logits = forward(stemOutput);
        using var probabilities = nn.functional.softmax(logits, 1);
        return probabilities[TensorIndex.Colon, 1].contiguous();
    }
}
