using Platform.Experiments.Caching;
using Platform.Experiments.FederatedPrompt.Data;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Pre-trained weights on disk, keyed by everything that determines them (seed, architecture, data, epochs), so
/// every method of a run, and later runs, start from identical weights without training again. The files live in the
/// app's private cache and are checked against their hash before use (see <see cref="VerifiedCache"/>).
/// </summary>
public sealed class PretrainedCache(string directory)
{
    private readonly VerifiedCache _files = new(directory);

    public static PretrainedCache Default { get; } = new(Path.Combine(VerifiedCache.Root, "federated-prompt"));

    public string Directory => _files.Directory;

    /// <summary>Synthetic keys keep their old form, so weights cached before real data existed stay valid.</summary>
    public static string Key(VitConfig config, long seed, int images, int epochs, FederatedPromptData data = FederatedPromptData.Synthetic) =>
        $"{config.ArchitectureKey}-s{seed}-n{images}-e{epochs}" + (data == FederatedPromptData.Synthetic ? "" : "-mnist");

    public Task<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken) =>
        _files.TryReadAsync(key + ".safetensors", cancellationToken);

    public Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken) =>
        _files.WriteAsync(key + ".safetensors", content, cancellationToken);
}
