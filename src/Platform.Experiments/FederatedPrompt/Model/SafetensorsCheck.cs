namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Checks an uploaded, base64-encoded weights file against the chosen architecture.</summary>
public static class SafetensorsCheck
{
    /// <summary>
    /// Null when the file fits <paramref name="config"/>; otherwise what is wrong. Only the header is checked, so the
    /// web process allocates the decoded file and no tensor.
    /// </summary>
    public static string? Describe(string base64, VitConfig config)
    {
        try
        {
            SafetensorsLayout.Check(Convert.FromBase64String(base64), VitShapes.Pretrained(config));
            return null;
        }
        catch (FormatException e)
        {
            return $"Not a base64-encoded safetensors file for {config.ArchitectureKey}: {e.Message}";
        }
    }
}
