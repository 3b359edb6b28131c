using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>The client's tail: final LayerNorm and linear classifier on one d-vector per image.</summary>
public sealed class VitTail : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm _norm;
    private readonly Linear _classifier;

    public VitTail(VitConfig config) : base(nameof(VitTail))
    {
        _norm = nn.LayerNorm(config.Width);
        _classifier = nn.Linear(config.Width, config.Classes);
        register_module("norm", _norm);
        register_module("classifier", _classifier);
    }

    /// <summary>Logits from features B x d (a CLS row or pooled tokens).</summary>
    public override Tensor forward(Tensor features) => _classifier.forward(_norm.forward(features));

    /// <summary>Logits from the body's output B x T x d, read at the CLS token.</summary>
    public Tensor FromTokens(Tensor tokens) => forward(tokens.select(1, 0));

    /// <summary>A fresh classifier for a new label set; the norm keeps its pre-trained statistics.</summary>
    public void ResetClassifier()
    {
        using var noGrad = torch.no_grad();
        nn.init.trunc_normal_(_classifier.weight, std: 0.02);
        nn.init.zeros_(_classifier.bias!);
    }
}
