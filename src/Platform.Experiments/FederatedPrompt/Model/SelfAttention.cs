using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Multi-head self-attention written out, so its FLOPs are exactly the ones <see cref="FlopModel"/> counts.</summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear _qkv;
    private readonly Linear _projection;
    private readonly int _heads;

    public SelfAttention(int width, int heads) : base(nameof(SelfAttention))
    {
        _heads = heads;
        _qkv = nn.Linear(width, 3 * width);
        _projection = nn.Linear(width, width);
        register_module("qkv", _qkv);
        register_module("projection", _projection);
    }

    public override Tensor forward(Tensor x)
    {
        var (batch, tokens, width) = (x.shape[0], x.shape[1], x.shape[2]);
        var headWidth = width / _heads;
        var qkv = _qkv.forward(x).reshape(batch, tokens, 3, _heads, headWidth).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (qkv[0], qkv[1], qkv[2]);
        var weights = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.Sqrt(headWidth)).softmax(-1);
        var mixed = weights.matmul(v).transpose(1, 2).reshape(batch, tokens, width);
        return _projection.forward(mixed);
    }
}
