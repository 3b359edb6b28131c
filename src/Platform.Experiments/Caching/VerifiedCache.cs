using System.Security.Cryptography;

namespace Platform.Experiments.Caching;

/// <summary>
/// Model files cached between runs, in a directory only this account may enter (0700), each stored with its SHA-256
/// beside it and checked before it is used. A shared, world-writable /tmp would let another local user plant weights
/// under a predictable name, or read a run's; a file that no longer matches its hash is deleted and counts as a miss.
/// </summary>
public sealed class VerifiedCache(string directory)
{
    private const string HashSuffix = ".sha256";
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Directory { get; } = directory;

    /// <summary>The app's cache root: <c>$XDG_CACHE_HOME/platform</c>, else <c>~/.cache/platform</c>.</summary>
    public static string Root
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var root = Path.IsPathFullyQualified(xdg ?? "") ? xdg! : Path.Combine(home, ".cache");
            return Path.Combine(root, "platform");
        }
    }

    public static VerifiedCache Named(string name) => new(Path.Combine(Root, name));

    /// <summary>The file's bytes when present and intact; null when absent or altered (then it is removed).</summary>
    public async Task<byte[]?> TryReadAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path) || !File.Exists(path + HashSuffix))
        {
            return null;
        }

        EnsurePrivate(Directory);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var expected = await File.ReadAllTextAsync(path + HashSuffix, cancellationToken);
        if (string.Equals(expected.Trim(), Hash(bytes), StringComparison.Ordinal))
        {
            return bytes;
        }

        File.Delete(path);
        File.Delete(path + HashSuffix);
        return null;
    }

    /// <summary>Stores the file and its hash, each written aside then renamed, so a concurrent reader never sees half of one.</summary>
    public async Task WriteAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        EnsurePrivate(Directory);
        var path = Path.Combine(Directory, fileName);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        await File.WriteAllTextAsync(temporary + HashSuffix, Hash(bytes), cancellationToken);
        File.Move(temporary + HashSuffix, path + HashSuffix, overwrite: true);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Creates the directory (and the app's root) as 0700, or narrows an existing one to 0700. Changing the mode
    /// succeeds only for the owner, so a directory another user made first fails here instead of being trusted.
    /// </summary>
    public static void EnsurePrivate(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
            return;
        }

        System.IO.Directory.CreateDirectory(directory, Private);
        Narrow(directory);
        if (Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(directory)) == Root)
        {
            Narrow(Root);
        }
    }

    private static void Narrow(string directory)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(directory) != Private)
        {
            File.SetUnixFileMode(directory, Private);
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
