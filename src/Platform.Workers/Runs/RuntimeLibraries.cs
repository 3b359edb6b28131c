using Platform.Experiments.Torch;

namespace Platform.Workers.Runs;

/// <summary>Versions of the native stacks a run used, for its reproducibility record.</summary>
internal static class RuntimeLibraries
{
    public static IReadOnlyDictionary<string, string> Versions()
    {
        try
        {
            var torch = TorchVersions.Current;
            return new Dictionary<string, string> { ["TorchSharp"] = torch.TorchSharp, ["LibTorch"] = torch.LibTorch };
        }
        catch (TypeInitializationException ex)
        {
            // A family that needs LibTorch will fail with the full error; the record just says it was missing.
            return new Dictionary<string, string> { ["LibTorch"] = "unavailable: " + (ex.InnerException ?? ex).Message };
        }
    }
}
