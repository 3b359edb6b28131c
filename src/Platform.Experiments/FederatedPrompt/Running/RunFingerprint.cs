using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// A hash of the parameters and the seed, stored in each checkpoint: state saved under other parameters would
/// continue a different federation, so restoring it must fail rather than mix two runs.
/// </summary>
internal static class RunFingerprint
{
    public static string Of(FederatedPromptParameters parameters, long seed) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{JsonSerializer.Serialize(parameters)}|{seed}")));

    /// <summary>
    /// A hash of the pre-trained weights the methods start from. Unless uploaded they come from the worker's own
    /// cache or pre-training, so an attempt on another worker may start from other weights than the checkpoint's.
    /// </summary>
    public static string OfWeights(IReadOnlyDictionary<string, Safetensors.Entry> weights)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, entry) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(MemoryMarshal.AsBytes(entry.Shape.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(entry.Values.AsSpan()));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
