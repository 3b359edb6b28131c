using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// What a checkpoint must match to be continued, stored in each one. <see cref="Run"/> hashes the parameters and the
/// seed: state saved under others would continue a different federation, so restoring it fails rather than mix two
/// runs. <see cref="Weights"/> hashes the pre-trained weights the methods start from: unless uploaded they come from
/// the worker's own cache or pre-training, so an attempt on another worker may have other ones, and then the saved
/// state has to be set aside.
/// </summary>
internal sealed record RunFingerprint(string Run, string Weights)
{
    /// <summary>Hashed once per run: the parameters may carry megabytes of uploaded weights.</summary>
    public static RunFingerprint Of(FederatedPromptParameters parameters, long seed, IReadOnlyDictionary<string, Safetensors.Entry> weights) =>
        new(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{JsonSerializer.Serialize(parameters)}|{seed}"))), OfWeights(weights));

    private static string OfWeights(IReadOnlyDictionary<string, Safetensors.Entry> weights)
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
