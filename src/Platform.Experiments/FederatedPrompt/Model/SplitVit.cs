using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// A ViT cut into explicit head, prompts, body and tail modules, so each method can place, freeze and "send" them.
/// Parameter names start with the part: <c>head.</c>, <c>prompts.</c>, <c>body.</c>, <c>tail.</c>.
/// </summary>
public sealed class SplitVit : nn.Module
{
    public SplitVit(VitConfig config) : base(nameof(SplitVit))
    {
        Config = config;
        Head = new PatchHead(config);
        Prompts = new PromptTokens(config);
        Body = new VitBody(config);
        Tail = new VitTail(config);
        register_module("head", Head);
        register_module("prompts", Prompts);
        register_module("body", Body);
        register_module("tail", Tail);
    }

    public VitConfig Config { get; }

    public PatchHead Head { get; }

    public PromptTokens Prompts { get; }

    public VitBody Body { get; }

    public VitTail Tail { get; }

    /// <summary>The whole model on one party: head (with prompts), body, tail at the CLS token.</summary>
    public Tensor Logits(Tensor images) => Tail.FromTokens(Body.forward(Head.Embed(images, Prompts.Value)));

    /// <summary>The local-loss path of SFPrompt: head straight to tail, skipping the server's body.</summary>
    public Tensor LocalLogits(Tensor images, LocalLossPooling pooling)
    {
        var tokens = Head.Embed(images, Prompts.Value);
        return Tail.forward(pooling == LocalLossPooling.Mean ? tokens.mean([1]) : tokens.select(1, 0));
    }

    public IEnumerable<(string Name, Parameter Parameter)> ParametersOf(ModelPart parts) =>
        named_parameters().Where(p => parts.HasFlag(PartOf(p.name)));

    /// <summary>Sets which parts train; the rest keep requires_grad off (gradients still flow through them).</summary>
    public void TrainOnly(ModelPart parts)
    {
        foreach (var (name, parameter) in named_parameters())
        {
            parameter.requires_grad = parts.HasFlag(PartOf(name));
        }
    }

    /// <summary>Copies the given tensors into the parameters of the same names.</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> values)
    {
        using var noGrad = torch.no_grad();
        var parameters = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, value) in values)
        {
            if (!parameters.TryGetValue(name, out var parameter))
            {
                throw new InvalidOperationException($"The model has no parameter '{name}'.");
            }
            parameter.copy_(value);
        }
    }

    /// <summary>Detached copies of the given parts' parameters.</summary>
    public Dictionary<string, Tensor> Snapshot(ModelPart parts) =>
        ParametersOf(parts).ToDictionary(p => p.Name, p => p.Parameter.detach().clone().DetachFromDisposeScope());

    public static ModelPart PartOf(string name) => name[..name.IndexOf('.')] switch
    {
        "head" => ModelPart.Head,
        "prompts" => ModelPart.Prompts,
        "body" => ModelPart.Body,
        "tail" => ModelPart.Tail,
        var other => throw new ArgumentException($"Unknown model part '{other}'.", nameof(name)),
    };
}
