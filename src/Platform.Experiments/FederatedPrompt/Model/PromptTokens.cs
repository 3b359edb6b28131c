using TorchSharp;
using TorchSharp.Modules;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>The P learnable soft prompts, initialised U(-0.1, 0.1) as in the unofficial reimplementation.</summary>
public sealed class PromptTokens : torch.nn.Module
{
    public PromptTokens(VitConfig config) : base(nameof(PromptTokens))
    {
        Value = torch.nn.Parameter(torch.empty(config.PromptTokens, config.Width).uniform_(-0.1, 0.1));
        register_parameter("value", Value);
    }

    public Parameter Value { get; }
}
