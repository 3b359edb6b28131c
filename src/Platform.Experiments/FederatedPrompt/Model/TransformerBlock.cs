using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>A pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x)) with GELU.</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm _norm1;
    private readonly SelfAttention _attention;
    private readonly LayerNorm _norm2;
    private readonly Linear _hidden;
    private readonly Linear _output;

    public TransformerBlock(VitConfig config) : base(nameof(TransformerBlock))
    {
        _norm1 = nn.LayerNorm(config.Width);
        _attention = new SelfAttention(config.Width, config.Heads);
        _norm2 = nn.LayerNorm(config.Width);
        _hidden = nn.Linear(config.Width, config.MlpRatio * config.Width);
        _output = nn.Linear(config.MlpRatio * config.Width, config.Width);
        register_module("norm1", _norm1);
        register_module("attention", _attention);
        register_module("norm2", _norm2);
        register_module("hidden", _hidden);
        register_module("output", _output);
    }

    public override Tensor forward(Tensor x)
    {
        var attended = x.add(_attention.forward(_norm1.forward(x)));
        return attended.add(_output.forward(nn.functional.gelu(_hidden.forward(_norm2.forward(attended)))));
    }
}
