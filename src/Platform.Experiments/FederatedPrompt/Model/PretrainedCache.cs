namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Pre-trained weights on disk, keyed by everything that determines them (seed, architecture, data, epochs), so
/// every method of a run, and later runs, start from identical weights without training again.
/// </summary>
public sealed class PretrainedCache(string directory)
{
    public static PretrainedCache Default { get; } =
        new(Path.Combine(Path.GetTempPath(), "platform-cache", "federated-prompt"));

    public string Directory { get; } = directory;

    public static string Key(VitConfig config, long seed, int images, int epochs) =>
        $"{config.ArchitectureKey}-s{seed}-n{images}-e{epochs}";

    public async Task<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);

        // Write then rename, so a concurrent run never reads half a file.
        var temporary = PathOf(key) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, PathOf(key), overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(Directory, key + ".safetensors");
}
