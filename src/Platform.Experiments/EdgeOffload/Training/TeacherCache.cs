using System.Security.Cryptography;
using System.Text;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Trained teachers on disk, keyed by everything that determines their weights (seed, data, architecture,
/// schedule), so repeated runs of one configuration skip the slowest phase. Writes are atomic (temp file, rename).
/// </summary>
public sealed class TeacherCache(string directory)
{
    // Bump when the detector, its loss or its training changes, so stale weights are never loaded.
    private const string Version = "teacher-v1";

    public static TeacherCache Default { get; } = new(Path.Combine(Path.GetTempPath(), "platform-edge-offload", "teachers"));

    public static string Key(FrameSpec spec, DetectorShape shape, int seed, int frames, int epochs, int batchSize)
    {
        var text = $"{Version}|{seed}|{spec}|{shape}|{frames}|{epochs}|{batchSize}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    public bool TryLoad(string key, TinyDetector teacher)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }
        teacher.load(path);
        return true;
    }

    public void Save(string key, TinyDetector teacher)
    {
        Directory.CreateDirectory(directory);
        var temp = PathOf(key) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        teacher.save(temp);
        File.Move(temp, PathOf(key), overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(directory, key + ".bin");
}
