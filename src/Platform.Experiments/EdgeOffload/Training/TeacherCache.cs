using System.Security.Cryptography;
using System.Text;
using Platform.Experiments.Caching;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Trained teachers on disk, keyed by everything that determines their weights (seed, data, architecture,
/// schedule), so repeated runs of one configuration skip the slowest phase. The files live in the app's private
/// cache and are checked against their hash before they are loaded (see <see cref="VerifiedCache"/>).
/// </summary>
public sealed class TeacherCache(string directory)
{
    private readonly VerifiedCache _files = new(directory);

    // Bump when the detector, its loss or its training changes, so stale weights are never loaded.
    private const string Version = "teacher-v1";

    public static TeacherCache Default { get; } = new(Path.Combine(VerifiedCache.Root, "edge-offload-teachers"));

    public string Directory => _files.Directory;

    public static string Key(FrameSpec spec, DetectorShape shape, int seed, int frames, int epochs, int batchSize)
    {
        var text = $"{Version}|{seed}|{spec}|{shape}|{frames}|{epochs}|{batchSize}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    public async Task<bool> TryLoadAsync(string key, TinyDetector teacher, CancellationToken cancellationToken)
    {
        if (await _files.TryReadAsync(FileOf(key), cancellationToken) is not { } bytes)
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes));
        teacher.load(reader);
        return true;
    }

    public async Task SaveAsync(string key, TinyDetector teacher, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            teacher.save(writer);
        }

        await _files.WriteAsync(FileOf(key), buffer.ToArray(), cancellationToken);
    }

    private static string FileOf(string key) => key + ".bin";
}
