using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's installed binaries in a data folder of its own. It listens on a
/// Unix socket in a folder only the server's account can enter (no TCP unless <see cref="EmbeddedPostgresOptions.ListenOnTcp"/>),
/// asks every connection for a password (SCRAM; random passwords in a 0600 file in the data folder), and the app
/// connects as <see cref="AppRole"/>, which owns its database but is not a superuser. The app uses it when no
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
    /// <summary>The bootstrap superuser: creates databases and roles, never used by the app itself.</summary>
    public const string SuperUser = "platform";

    /// <summary>The role the app connects as: owner of its databases (so it runs migrations), not a superuser.</summary>
    public const string AppRole = "platform_app";

    private readonly string _requestedDirectory = options.ResolveDataDirectory(basePath);
    private PostgresServer? _server;
    private ClusterSecurer? _securer;
    private ClusterCredentials? _credentials;
    private bool _temporary;

    /// <summary>Where the cluster's files are: the configured folder, unless relocated for the server account.</summary>
    public string DataDirectory { get; private set; } = options.ResolveDataDirectory(basePath);

    /// <summary>
    /// The server's port: on 127.0.0.1 when it listens on TCP (a new one at every start when the option is 0), else
    /// only the name of its socket's file.
    /// </summary>
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

    /// <summary>The folder of the server's Unix socket, private to the server account (null until started).</summary>
    public string? SocketDirectory => _server?.SocketDirectory;

    /// <summary>The path of the file with the passwords (readable by the server account and root only).</summary>
    public string PassFile => ClusterCredentials.PathIn(DataDirectory);

    /// <summary>How the app connects: as <see cref="AppRole"/> over the socket, its password read from <see cref="PassFile"/>.</summary>
    public string GetConnectionString(string database) => ConnectionStringFor(database, AppRole);

    private string ConnectionStringFor(string database, string role)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory ?? throw new InvalidOperationException("The embedded PostgreSQL has not started."),
            Port = Port,
            Username = role,
            Database = database,
        };
        // The file, not the password: connection strings get logged and passed on command lines.
        if (File.Exists(PassFile))
        {
            builder.Passfile = PassFile;
        }
        return builder.ConnectionString;
    }

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
            await _securer!.PrepareAsync(deadline.Token);
            Port = await _server.StartAsync(options.Port, options.ListenOnTcp, options.StartTimeout, deadline.Token);
            IsRunning = true;
            await WaitForConnectionAsync(deadline.Token);
            _credentials = await _securer.SecureAsync(OpenConnectionAsync, deadline.Token);
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
        logger.LogInformation("Embedded PostgreSQL started in {ElapsedMs} ms: {DataDirectory}, socket in {SocketDirectory}, {Tcp}",
            stopwatch.ElapsedMilliseconds, DataDirectory, SocketDirectory, options.ListenOnTcp ? $"TCP on 127.0.0.1:{Port}" : "no TCP");
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
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)} OWNER {AppRole}", connection);
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
        _securer = new ClusterSecurer(DataDirectory, account, logger);
        return new PostgresServer(binaries, account, DataDirectory, _temporary, logger);
    }

    private async Task WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        // pg_ctl -w already waited for the server to accept connections; this proves it on the socket the app uses.
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

    private Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken) =>
        OpenConnectionAsync("postgres", _credentials, cancellationToken);

    private async Task<NpgsqlConnection> OpenConnectionAsync(
        string database, ClusterCredentials? credentials, CancellationToken cancellationToken)
    {
        // Unpooled: administrative connections must not linger (they would block DROP DATABASE and shutdown).
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor(database, SuperUser)) { Pooling = false };
        if (credentials is not null)
        {
            builder.Passfile = credentials.PassFile;
        }
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
