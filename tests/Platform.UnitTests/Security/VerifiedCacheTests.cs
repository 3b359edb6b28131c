using Platform.Experiments.Caching;
using Platform.Experiments.EdgeOffload.Training;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.UnitTests.Security;

/// <summary>Model caches live in a directory only this account may enter, and a file that no longer matches its hash is never used.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VerifiedCacheTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "verified-cache-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_written_file_reads_back_from_a_0700_directory()
    {
        var cache = new VerifiedCache(Path.Combine(_root, "weights"));

        await cache.WriteAsync("a.bin", [1, 2, 3], Ct);

        Assert.Equal([1, 2, 3], await cache.TryReadAsync("a.bin", Ct));
        Assert.Equal(Private, File.GetUnixFileMode(cache.Directory));
    }

    [Fact]
    public async Task A_directory_others_could_enter_is_narrowed_to_0700()
    {
        var directory = Path.Combine(_root, "shared");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, Private | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await new VerifiedCache(directory).WriteAsync("a.bin", [1], Ct);

        Assert.Equal(Private, File.GetUnixFileMode(directory));
    }

    [Fact]
    public async Task A_file_changed_after_it_was_cached_is_a_miss_and_is_removed()
    {
        var cache = new VerifiedCache(Path.Combine(_root, "weights"));
        await cache.WriteAsync("a.bin", [1, 2, 3], Ct);
        var path = Path.Combine(cache.Directory, "a.bin");
        await File.WriteAllBytesAsync(path, [6, 6, 6], Ct);

        Assert.Null(await cache.TryReadAsync("a.bin", Ct));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_file_without_its_hash_is_a_miss()
    {
        var cache = new VerifiedCache(Path.Combine(_root, "weights"));
        VerifiedCache.EnsurePrivate(cache.Directory);
        await File.WriteAllBytesAsync(Path.Combine(cache.Directory, "planted.bin"), [1], Ct);

        Assert.Null(await cache.TryReadAsync("planted.bin", Ct));
    }

    [Fact]
    public void The_model_caches_are_not_in_the_shared_temporary_directory()
    {
        Assert.False(PretrainedCache.Default.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), PretrainedCache.Default.Directory);
        Assert.False(TeacherCache.Default.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), TeacherCache.Default.Directory);
        Assert.StartsWith(VerifiedCache.Root, PretrainedCache.Default.Directory, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
