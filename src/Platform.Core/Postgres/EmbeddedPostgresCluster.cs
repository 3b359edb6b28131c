using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's installed binaries in a data folder of its own, listening on
/// 127.0.0.1 only, with trust authentication for the superuser <see cref="SuperUser"/>. The app uses it when no
/// connection string is configured; tests start a throwaway one with <see cref="StartTemporaryAsync"/>.
/// Not thread-safe: start and stop it from one place (a hosted service or a test fixture).
/// </summary>
/// <remarks>
/// If the data folder is still served by a server of an earlier run (the host was killed; pg_ctl detaches the
/// server, so it survives), that server is stopped and started again with this run's options: such an orphan is
/// all but always a leftover, and a restart is the only way to be sure of its port and settings. Two live hosts on
/// one data folder are not supported (whichever stopped first would take the other's database down).
/// </remarks>
public sealed class EmbeddedPostgresCluster(EmbeddedPostgresOptions options, string basePath, ILogger logger)
    : IAsyncDisposable
{
    public const string SuperUser = "platform";

    private readonly string _requestedDirectory = options.ResolveDataDirectory(basePath);
    private PostgresServer? _server;
    private bool _temporary;

    /// <summary>Where the cluster's files are: the configured folder, unless relocated for the server account.</summary>
    public string DataDirectory { get; private set; } = options.ResolveDataDirectory(basePath);

    /// <summary>The TCP port of the running server on 127.0.0.1 (a new one at every start when the option is 0).</summary>
    public int Port { get; private set; }

    public bool IsRunning { get; private set; }

    public string Database => options.Database;

    public string ConnectionString => GetConnectionString(options.Database);

    /// <summary>Starts a cluster whose relative data folder is under the current directory.</summary>
    public static Task<EmbeddedPostgresCluster> StartAsync(
        EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default) =>
        StartAsync(options, Directory.GetCurrentDirectory(), logger, cancellationToken);

    /// <param name="basePath">The folder a relative data folder is under: the app's content root.</param>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        EmbeddedPostgresOptions options, string basePath, ILogger logger, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgresCluster(options, basePath, logger);
        await cluster.StartAsync(cancellationToken);
        return cluster;
    }

    /// <summary>A throwaway cluster in a new temporary folder that dispose deletes; runs without fsync, for speed.</summary>
    public static async Task<EmbeddedPostgresCluster> StartTemporaryAsync(
        ILogger logger, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}"[..24]);
        var options = new EmbeddedPostgresOptions { DataDirectory = folder };
        var cluster = new EmbeddedPostgresCluster(options, folder, logger) { _temporary = true };
        await cluster.StartAsync(cancellationToken);
        return cluster;
    }

    public string GetConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Initialises the cluster if its folder has none, starts the server, creates the database if missing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.StartTimeout);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            _server ??= await CreateServerAsync(deadline.Token);
            if (!_server.IsInitialised)
            {
                await _server.InitDbAsync(SuperUser, deadline.Token);
            }
            await _server.ClearLeftoverAsync(deadline.Token);
            Port = await _server.StartAsync(options.Port, options.StartTimeout, deadline.Token);
            IsRunning = true;
            await WaitForConnectionAsync(deadline.Token);
            await CreateDatabaseAsync(options.Database, deadline.Token);
        }
        catch (Exception e)
        {
            IsRunning = false;
            if (_server is not null)
            {
                await _server.StopQuietlyAsync();
            }
            var timedOut = deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            if (e is OperationCanceledException && timedOut)
            {
                throw new TimeoutException(
                    $"The embedded PostgreSQL in {DataDirectory} did not start within {options.StartTimeout} " +
                    $"(EmbeddedPostgres:StartTimeout); see {_server?.LogFile}.", e);
            }
            throw;
        }
        logger.LogInformation("Embedded PostgreSQL started in {ElapsedMs} ms: {DataDirectory} on 127.0.0.1:{Port}",
            stopwatch.ElapsedMilliseconds, DataDirectory, Port);
    }

    /// <summary>Stops the server (fast mode: open sessions are ended). The data stays for the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRunning || _server is null)
        {
            return;
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await _server.StopAsync(cancellationToken);
        IsRunning = false;
        logger.LogInformation("Embedded PostgreSQL in {DataDirectory} stopped", DataDirectory);
    }

    /// <summary>Creates a database unless it exists (tests: one per test class).</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database} in the embedded cluster", name);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created concurrently by someone else: what we wanted.
        }
    }

    /// <summary>Drops a database if it exists, ending its open sessions.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(GetConnectionString(name)));
        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server; a temporary cluster's folder is deleted too. Failures are logged, not thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
            if (_temporary)
            {
                foreach (var folder in new[] { DataDirectory, _requestedDirectory }.Distinct().Where(Directory.Exists))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is ProcessFailedException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Could not stop or remove the embedded PostgreSQL in {DataDirectory}", DataDirectory);
        }
    }

    private async Task<PostgresServer> CreateServerAsync(CancellationToken cancellationToken)
    {
        var account = await ServerAccount.DetectAsync(cancellationToken);
        DataDirectory = await DataDirectoryLocator.PrepareAsync(_requestedDirectory, account, logger, cancellationToken);
        // An existing cluster opens only with the major version that created it: look for that one first.
        var versionFile = Path.Combine(DataDirectory, "PG_VERSION");
        var version = File.Exists(versionFile) ? (await File.ReadAllTextAsync(versionFile, cancellationToken)).Trim() : null;
        var binaries = await PostgresBinaries.FindAsync(options.BinDirectory, version, cancellationToken);
        logger.LogDebug("Using PostgreSQL binaries in {BinDirectory}, running as {Account}",
            binaries.Directory, account.RunAsUser ?? Environment.UserName);
        return new PostgresServer(binaries, account, DataDirectory, _temporary, logger);
    }

    private async Task WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        // pg_ctl -w already waited for the server to accept connections; this proves it over TCP as the app will.
        while (true)
        {
            try
            {
                await using var connection = await OpenAdminConnectionAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Embedded PostgreSQL not accepting connections yet");
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken)
    {
        // Unpooled: administrative connections must not linger (they would block DROP DATABASE and shutdown).
        var builder = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
