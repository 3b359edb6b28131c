using System.Security.Cryptography;

namespace Platform.Core.Postgres;

/// <summary>
/// The random passwords of the cluster's two roles, in a pgpass file (<see cref="FileName"/>, mode 0600, owned by the
/// server account) inside the data folder: only that account and root can read it. Connection strings name the file
/// (<c>Passfile=</c>) rather than carry the password, so a logged or printed connection string gives nothing away.
/// </summary>
internal sealed class ClusterCredentials
{
    public const string FileName = "platform.pgpass";

    private readonly IReadOnlyDictionary<string, string> _passwords;

    private ClusterCredentials(string path, IReadOnlyDictionary<string, string> passwords)
    {
        PassFile = path;
        _passwords = passwords;
    }

    public string PassFile { get; }

    public string PasswordOf(string role) => _passwords[role];

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The file's passwords, or null when the data folder has none (a cluster from before passwords).</summary>
    public static ClusterCredentials? Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return null;
        }
        // pgpass lines: host:port:database:user:password; ours use wildcards and passwords without ':' or '\'.
        var passwords = File.ReadAllLines(path)
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length == 5)
            .ToDictionary(fields => fields[3], fields => fields[4]);
        return new ClusterCredentials(path, passwords);
    }

    /// <summary>Writes new random passwords for <paramref name="roles"/>, readable by the owner only, and hands the file to the account.</summary>
    public static async Task<ClusterCredentials> CreateAsync(
        string dataDirectory, IEnumerable<string> roles, ServerAccount account, CancellationToken cancellationToken)
    {
        var passwords = roles.ToDictionary(role => role, _ => NewPassword());
        var path = PathIn(dataDirectory);
        var temporary = path + ".new";
        var lines = passwords.Select(p => $"*:*:*:{p.Key}:{p.Value}\n");
        var stream = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var writer = new StreamWriter(temporary, stream))
        {
            await writer.WriteAsync(string.Concat(lines));
        }
        await account.TakeOwnershipAsync(temporary, cancellationToken);
        // Atomic: a crash leaves the old file or the new one, never half of one.
        File.Move(temporary, path, overwrite: true);
        return new ClusterCredentials(path, passwords);
    }

    // 32 random bytes in URL-safe base64: no character that SQL string literals or pgpass would need to escape.
    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
