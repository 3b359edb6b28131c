using System.Runtime.InteropServices;

namespace Platform.Core.Postgres;

/// <summary>
/// The OS account that owns the cluster's files and runs initdb/pg_ctl. PostgreSQL refuses to run as root, so a
/// root process (containers, CI) runs them as the unprivileged <c>postgres</c> user that Debian's package creates,
/// through <c>runuser</c>; any other user runs them directly.
/// </summary>
internal sealed class ServerAccount
{
    private const string ServiceUser = "postgres";

    private ServerAccount(string? runAsUser) => RunAsUser = runAsUser;

    /// <summary>The user the tools run as when we are root; null when they run as the current user.</summary>
    public string? RunAsUser { get; }

    public static async Task<ServerAccount> DetectAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || geteuid() != 0)
        {
            return new ServerAccount(null);
        }
        var probe = await ProcessRunner.RunAsync("id", ["-u", ServiceUser], cancellationToken, throwOnError: false);
        return probe.ExitCode == 0
            ? new ServerAccount(ServiceUser)
            : throw new InvalidOperationException(
                "PostgreSQL cannot run as root and there is no 'postgres' user to run it as. Install the Debian " +
                "package 'postgresql' (it creates that user) or run the app as a non-root user.");
    }

    /// <summary>Runs a PostgreSQL program as this account.</summary>
    public Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, bool throwOnError = true) =>
        RunAsUser is null
            ? ProcessRunner.RunAsync(program, arguments, cancellationToken, throwOnError)
            : ProcessRunner.RunAsync(
                RunUserPath(), ["-u", RunAsUser, "--", program, .. arguments], cancellationToken, throwOnError);

    /// <summary>Hands a folder we (root) created over to the account, recursively.</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken cancellationToken)
    {
        if (RunAsUser is not null)
        {
            await ProcessRunner.RunAsync("chown", ["-R", $"{RunAsUser}:", directory], cancellationToken);
        }
    }

    /// <summary>Whether the account can reach and write the folder (every parent must be traversable by it).</summary>
    public async Task<bool> CanWriteAsync(string directory, CancellationToken cancellationToken) =>
        RunAsUser is null
        || (await RunAsync("test", ["-w", directory, "-a", "-x", directory], cancellationToken, false)).ExitCode == 0;

    /// <summary>Whether the account can traverse every parent of the folder and the folder itself.</summary>
    public async Task<bool> CanEnterAsync(string directory, CancellationToken cancellationToken) =>
        RunAsUser is null
        || (await RunAsync("test", ["-x", directory], cancellationToken, throwOnError: false)).ExitCode == 0;

    // runuser lives in /usr/sbin, which a root process started from a minimal environment may not have on PATH.
    private static string RunUserPath() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    // DllImport rather than LibraryImport: the source-generated form needs AllowUnsafeBlocks for the whole project.
    [DllImport("libc")]
    private static extern uint geteuid();
}
