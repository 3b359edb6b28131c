using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>The server's part: the stack of transformer blocks.</summary>
public sealed class VitBody : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<TransformerBlock> _blocks = new();

    public VitBody(VitConfig config) : base(nameof(VitBody))
    {
        for (var i = 0; i < config.Depth; i++)
        {
            _blocks.Add(new TransformerBlock(config));
        }
        register_module("blocks", _blocks);
    }

    public override Tensor forward(Tensor tokens)
    {
        var x = tokens;
        foreach (var block in _blocks)
        {
            x = block.forward(x);
        }
        return x;
    }
}
