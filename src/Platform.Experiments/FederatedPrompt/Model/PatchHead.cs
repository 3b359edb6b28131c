using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// The client's head: patch embedding, CLS token and position embedding. Prompts (VPT-shallow) go between the CLS
/// token and the patches and carry no position embedding.
/// </summary>
public sealed class PatchHead : nn.Module
{
    private readonly Conv2d _patch;
    private readonly Parameter _cls;
    private readonly Parameter _position;

    public PatchHead(VitConfig config) : base(nameof(PatchHead))
    {
        _patch = nn.Conv2d(VitConfig.Channels, config.Width, config.PatchSize, stride: config.PatchSize);
        _cls = nn.Parameter(torch.randn(1, 1, config.Width).mul_(0.02));
        _position = nn.Parameter(torch.randn(1, 1 + config.Patches, config.Width).mul_(0.02));
        register_module("patch", _patch);
        register_parameter("cls", _cls);
        register_parameter("position", _position);
    }

    /// <summary>Tokens B x (1 + P + N) x d; <paramref name="prompts"/> is P x d or null.</summary>
    public Tensor Embed(Tensor images, Tensor? prompts)
    {
        var batch = images.shape[0];
        var patches = _patch.forward(images).flatten(2).transpose(1, 2);
        var tokens = torch.cat([_cls.expand(batch, -1, -1), patches], 1).add(_position);
        if (prompts is null || prompts.shape[0] == 0)
        {
            return tokens;
        }

        var cls = tokens.narrow(1, 0, 1);
        var rest = tokens.narrow(1, 1, tokens.shape[1] - 1);
        return torch.cat([cls, prompts.unsqueeze(0).expand(batch, -1, -1), rest], 1);
    }
}
