using Platform.Core.Postgres;

namespace Platform.Bench.Harness;

/// <summary>What every benchmark gets: the size of the run and one throwaway PostgreSQL cluster to make databases on.</summary>
public sealed class BenchContext(EmbeddedPostgresCluster cluster, bool quick)
{
    public EmbeddedPostgresCluster Cluster => cluster;

    /// <summary>The smoke form: tiny sizes, only proves the benchmark still runs.</summary>
    public bool Quick => quick;

    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.CreateDatabaseAsync(name, cancellationToken);
        return cluster.GetConnectionString(name);
    }
}
