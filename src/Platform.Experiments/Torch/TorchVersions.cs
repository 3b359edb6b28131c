using System.Reflection;
using TorchSharp;

namespace Platform.Experiments.Torch;

/// <summary>The managed and native halves of the tensor stack, for a run's reproducibility record.</summary>
public sealed record TorchVersions(string TorchSharp, string LibTorch)
{
    public static TorchVersions Current { get; } = Read();

    private static TorchVersions Read()
    {
        var assembly = typeof(torch).Assembly;
        var managed = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return new TorchVersions(managed, torch.__version__);
    }

    public override string ToString() => $"TorchSharp {TorchSharp}, LibTorch {LibTorch}";
}
