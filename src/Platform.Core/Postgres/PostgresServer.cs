using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Postgres;

/// <summary>initdb and pg_ctl for one data folder, run as the <see cref="ServerAccount"/>.</summary>
internal sealed class PostgresServer(
    PostgresBinaries binaries, ServerAccount account, string dataDirectory, bool temporary, ILogger logger)
{
    private const int MaxStartAttempts = 3;

    private const long MaxLogBytes = 10 * 1024 * 1024;

    /// <summary>The port that names the socket's file when the server has no TCP listener.</summary>
    private const int DefaultPort = 5432;

    public string LogFile => Path.Combine(dataDirectory, "server.log");

    public bool IsInitialised => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    public async Task InitDbAsync(string superUser, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Trust on the socket only for the superuser's first connection, which sets passwords and then switches the
        // cluster to SCRAM (ClusterSecurer) before anyone else can connect; the socket's folder is the server account's.
        List<string> arguments =
            ["-D", dataDirectory, "-U", superUser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--locale=C"];
        if (temporary)
        {
            arguments.Add("--no-sync");
        }
        try
        {
            await account.RunAsync(binaries.InitDb, arguments, cancellationToken);
        }
        catch
        {
            // A killed initdb leaves a half-made cluster (PG_VERSION included) that would fail every later start.
            EmptyDirectory(dataDirectory);
            throw;
        }
        logger.LogInformation("Initialised a PostgreSQL cluster in {DataDirectory} in {ElapsedMs} ms",
            dataDirectory, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>Handles what an earlier run left: a live server is stopped, a stale pid file removed.</summary>
    public async Task ClearLeftoverAsync(CancellationToken cancellationToken)
    {
        switch (PostmasterPidFile.Inspect(dataDirectory))
        {
            case PostmasterPidFile.State.Running:
                logger.LogWarning(
                    "A PostgreSQL server of an earlier run still serves {DataDirectory}; restarting it", dataDirectory);
                await StopAsync(cancellationToken);
                break;
            case PostmasterPidFile.State.Stale:
                logger.LogInformation("Removing the postmaster.pid that a crashed run left in {DataDirectory}", dataDirectory);
                PostmasterPidFile.Delete(dataDirectory);
                break;
        }
    }

    /// <summary>The folder of the server's Unix socket (private to the server account), known once started.</summary>
    public string? SocketDirectory { get; private set; }

    /// <summary>
    /// Starts the server and returns its port: <paramref name="port"/>, or a free one when it is 0. Without
    /// <paramref name="tcp"/> the server listens on its socket only and the port only names the socket's file.
    /// </summary>
    public async Task<int> StartAsync(int port, bool tcp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TrimLogFile();
        SocketDirectory ??= await PrivateSocketDirectoryAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port != 0 ? port : tcp ? FreePort.Pick() : DefaultPort;
            var result = await account.RunAsync(binaries.PgCtl,
                ["start", "-w", "-t", ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                 "-D", dataDirectory, "-l", LogFile, "-o", ServerOptions(chosen, tcp)],
                cancellationToken, throwOnError: false);
            if (result.ExitCode == 0)
            {
                return chosen;
            }
            var logTail = await ReadLogTailAsync(cancellationToken);
            // A port we picked can be taken by someone else before the server binds it: pick another.
            if (port == 0 && attempt < MaxStartAttempts && logTail.Contains("could not bind", StringComparison.Ordinal))
            {
                logger.LogWarning("Port {Port} was taken before PostgreSQL could bind it; retrying with another", chosen);
                continue;
            }
            throw new ProcessFailedException($"pg_ctl start -D {dataDirectory}", result.ExitCode,
                result.StandardError + result.StandardOutput,
                $"Server log ({LogFile}), last lines:{Environment.NewLine}{logTail}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var result = await account.RunAsync(binaries.PgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w"],
            cancellationToken, throwOnError: false);
        // pg_ctl fails when no server runs (or it died meanwhile); that is only an error if one still does.
        if (result.ExitCode != 0 && PostmasterPidFile.Inspect(dataDirectory) == PostmasterPidFile.State.Running)
        {
            throw new ProcessFailedException($"pg_ctl stop -D {dataDirectory}", result.ExitCode, result.StandardError);
        }
    }

    /// <summary>Best effort after a failed or cancelled start: no server may outlive it.</summary>
    public async Task StopQuietlyAsync()
    {
        if (PostmasterPidFile.Inspect(dataDirectory) == PostmasterPidFile.State.None)
        {
            return;
        }
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (ProcessFailedException e)
        {
            logger.LogError(e, "Could not stop the PostgreSQL server in {DataDirectory} after a failed start", dataDirectory);
        }
    }

    private string ServerOptions(int port, bool tcp)
    {
        // pg_ctl hands -o to /bin/sh, hence the shell quoting of the path.
        var quoted = "'" + SocketDirectory!.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        // No TCP listener unless asked: a port on 127.0.0.1 is reachable by every local user (and by web pages).
        var options = $"-p {port} -k {quoted} -c listen_addresses={(tcp ? "127.0.0.1" : "''")}";
        // A throwaway cluster trades crash safety of the machine for speed.
        return temporary ? $"{options} -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : options;
    }

    /// <summary>
    /// The data folder (mode 0700, the server account's) when the socket's path fits the ~107 bytes Unix allows; else
    /// a new folder of the account's with a random name under /tmp (mktemp makes it 0700), never /tmp itself.
    /// </summary>
    private async Task<string> PrivateSocketDirectoryAsync(CancellationToken cancellationToken)
    {
        if (dataDirectory.Length + "/.s.PGSQL.65535.lock".Length < 100)
        {
            return dataDirectory;
        }
        var made = await account.RunAsync("mktemp", ["-d", "/tmp/platform-pg-XXXXXXXX"], cancellationToken);
        return made.StandardOutput.Trim();
    }

    private async Task<string> ReadLogTailAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(LogFile))
        {
            return "(no server log)";
        }
        var lines = await File.ReadAllLinesAsync(LogFile, cancellationToken);
        return string.Join(Environment.NewLine, lines.TakeLast(20));
    }

    private void TrimLogFile()
    {
        // pg_ctl appends to the log at every start; keep it from growing without bound.
        var log = new FileInfo(LogFile);
        if (log.Exists && log.Length > MaxLogBytes)
        {
            log.Delete();
        }
    }

    private static void EmptyDirectory(string directory)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
