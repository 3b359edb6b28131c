using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// A hash of the parameters and the seed, stored in each checkpoint: state saved under other parameters would
/// continue a different federation, so restoring it must fail rather than mix two runs.
/// </summary>
internal static class RunFingerprint
{
    public static string Of(FederatedPromptParameters parameters, long seed) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{JsonSerializer.Serialize(parameters)}|{seed}")));
}
