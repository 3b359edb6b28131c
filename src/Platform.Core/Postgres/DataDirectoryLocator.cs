using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Postgres;

/// <summary>
/// Makes the requested data folder usable by the server account. When we run as root and the account cannot
/// traverse the folder's parents (e.g. anything under /root, mode 0700), the cluster's files go to
/// <see cref="RelocationRoot"/> instead, keyed by the requested path so every start finds the same cluster, and a
/// note in the requested folder says where. We prefer this to loosening the permissions of /root or other parents,
/// which would silently widen access to unrelated files.
/// </summary>
internal static class DataDirectoryLocator
{
    public const string RelocationRoot = "/var/lib/platform/postgres";

    public const string RelocationNote = "RELOCATED.txt";

    public static async Task<string> PrepareAsync(
        string requested, ServerAccount account, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(requested);
        var actual = requested;
        // Once relocated, always relocated: the requested folder now holds the note, so initdb could not use it.
        var relocated = File.Exists(Path.Combine(requested, RelocationNote))
            || (account.RunAsUser is not null && !await account.CanEnterAsync(requested, cancellationToken));
        if (relocated && !OperatingSystem.IsWindows())
        {
            actual = RelocatedPath(requested);
            Directory.CreateDirectory(actual);
            // Our own folders: traversable whatever the umask, so the account can reach its cluster below them.
            const UnixFileMode Traversable = (UnixFileMode)0b111_101_101;
            File.SetUnixFileMode(Path.GetDirectoryName(RelocationRoot)!, Traversable);
            File.SetUnixFileMode(RelocationRoot, Traversable);
            await File.WriteAllTextAsync(Path.Combine(requested, RelocationNote),
                $"The server account '{account.RunAsUser}' cannot reach this folder, so the PostgreSQL cluster " +
                $"for it lives in {actual}{Environment.NewLine}", cancellationToken);
            logger.LogWarning(
                "PostgreSQL runs as {Account}, which cannot traverse the parents of {Requested}; " +
                "the cluster's files are in {Actual}",
                account.RunAsUser, requested, actual);
        }
        if (!await account.CanWriteAsync(actual, cancellationToken))
        {
            await account.TakeOwnershipAsync(actual, cancellationToken);
        }
        return await account.CanWriteAsync(actual, cancellationToken)
            ? actual
            : throw new InvalidOperationException(
                $"The PostgreSQL server account '{account.RunAsUser}' cannot write the data folder '{actual}'.");
    }

    private static string RelocatedPath(string requested)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested)))[..12];
        return Path.Combine(RelocationRoot, $"{Path.GetFileName(requested)}-{hash}");
    }
}
