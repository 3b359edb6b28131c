using Platform.Core.Persistence;
using Platform.Core.Postgres;

namespace Platform.Web.Database;

/// <summary>
/// The database this process uses: the server named by <c>ConnectionStrings:Platform</c>, or else an embedded
/// cluster started from the machine's PostgreSQL binaries and stopped when this object is disposed.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster? _cluster;
    private readonly ILoggerFactory? _loggers;

    private PlatformDatabase(string connectionString, EmbeddedPostgresCluster? cluster = null, ILoggerFactory? loggers = null)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        _loggers = loggers;
    }

    public string ConnectionString { get; }

    public static async Task<PlatformDatabase> OpenAsync(IConfiguration configuration, string contentRoot, CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PlatformDatabase(configured);
        }

        var options = configuration.GetSection(EmbeddedPostgresOptions.SectionName).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        // The host's logging is not built yet; the cluster logs through its own console logger until it stops.
        var loggers = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggers.CreateLogger<PlatformDatabase>();
        try
        {
            var cluster = await EmbeddedPostgresCluster.StartAsync(options, contentRoot, logger, cancellationToken);
            logger.LogInformation("Embedded PostgreSQL is serving {DataDirectory} on its socket in {SocketDirectory}", cluster.DataDirectory, cluster.SocketDirectory);
            return new PlatformDatabase(cluster.ConnectionString, cluster, loggers);
        }
        catch
        {
            loggers.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _loggers?.Dispose();
    }
}
