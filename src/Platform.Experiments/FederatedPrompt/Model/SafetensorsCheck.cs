using Platform.Experiments.Contract;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Checks a weights dataset against the chosen architecture.</summary>
public static class SafetensorsCheck
{
    /// <summary>
    /// Null when the file fits <paramref name="config"/>; otherwise what is wrong. Only the header is read (at most
    /// 1 MiB, after its claimed length is checked against the file's), so no tensor is allocated.
    /// </summary>
    public static async Task<string?> DescribeAsync(DatasetContent content, VitConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await SafetensorsStream.CheckAsync(content.Stream, content.Length, VitShapes.Pretrained(config), cancellationToken);
            return null;
        }
        catch (FormatException e)
        {
            return $"Not a safetensors file for {config.ArchitectureKey}: {e.Message}";
        }
    }
}
