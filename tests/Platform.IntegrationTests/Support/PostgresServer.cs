using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Postgres;

[assembly: AssemblyFixture(typeof(Platform.IntegrationTests.Support.PostgresServer))]

namespace Platform.IntegrationTests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started with the same component the app embeds.
/// Each test gets a database of its own, so tests run in parallel without resetting anything.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private EmbeddedPostgresCluster? _cluster;

    public EmbeddedPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync() =>
        _cluster = await EmbeddedPostgresCluster.StartTemporaryAsync(NullLogger.Instance, TestContext.Current.CancellationToken);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await Cluster.CreateDatabaseAsync(name, TestContext.Current.CancellationToken);
        return Cluster.GetConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
