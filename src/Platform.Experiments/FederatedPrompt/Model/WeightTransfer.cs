using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Moves pre-trained weights (every part but the prompts) between a <see cref="SplitVit"/> and safetensors entries.</summary>
public static class WeightTransfer
{
    public static Dictionary<string, Safetensors.Entry> Export(SplitVit model) =>
        model.ParametersOf(ModelPart.Head | ModelPart.Body | ModelPart.Tail).ToDictionary(
            p => p.Name,
            p => new Safetensors.Entry(p.Parameter.shape, p.Parameter.detach().contiguous().data<float>().ToArray()));

    /// <summary>Loads the architecture's tensors from <paramref name="entries"/>; extra entries are ignored.</summary>
    public static void Import(SplitVit model, IReadOnlyDictionary<string, Safetensors.Entry> entries)
    {
        using var scope = torch.NewDisposeScope();
        var values = VitShapes.Pretrained(model.Config).Keys
            .ToDictionary(name => name, name => torch.tensor(entries[name].Values, entries[name].Shape));
        model.Load(values);
    }
}
