namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Checks an uploaded, base64-encoded weights file against the chosen architecture.</summary>
public static class SafetensorsCheck
{
    /// <summary>Null when the file fits <paramref name="config"/>; otherwise what is wrong.</summary>
    public static string? Describe(string base64, VitConfig config)
    {
        Dictionary<string, Safetensors.Entry> tensors;
        try
        {
            tensors = Safetensors.Read(Convert.FromBase64String(base64));
        }
        catch (FormatException e)
        {
            return $"Not a base64-encoded safetensors file: {e.Message}";
        }

        foreach (var (name, shape) in VitShapes.Pretrained(config))
        {
            if (!tensors.TryGetValue(name, out var entry))
            {
                return $"Tensor '{name}' is missing for {config.ArchitectureKey}.";
            }
            if (!entry.Shape.SequenceEqual(shape))
            {
                return $"Tensor '{name}' has shape [{string.Join(", ", entry.Shape)}], expected [{string.Join(", ", shape)}].";
            }
        }
        return null;
    }
}
