using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// Some parts of a model as a length-prefixed safetensors block: fp32 as trained, so a restored model computes
/// exactly what the saved one would have.
/// </summary>
internal static class ModelState
{
    public static void Write(BinaryWriter writer, SplitVit model, ModelPart parts)
    {
        var entries = model.ParametersOf(parts).ToDictionary(
            p => p.Name,
            p => new Safetensors.Entry(p.Parameter.shape, p.Parameter.detach().cpu().data<float>().ToArray()));
        var bytes = Safetensors.Write(entries);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <exception cref="FormatException">The block does not hold exactly these parts' tensors in their shapes.</exception>
    public static void Read(BinaryReader reader, SplitVit model, ModelPart parts)
    {
        // Checked before reading: a damaged length must not allocate gigabytes.
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new EndOfStreamException("The model tensors are cut short.");
        }

        var bytes = reader.ReadBytes(length);

        var expected = model.ParametersOf(parts).ToDictionary(p => p.Name, p => p.Parameter.shape);
        var saved = Safetensors.Read(bytes, expected);

        using var scope = torch.NewDisposeScope();
        model.Load(saved.ToDictionary(s => s.Key, s => torch.tensor(s.Value.Values, s.Value.Shape)));
    }
}
