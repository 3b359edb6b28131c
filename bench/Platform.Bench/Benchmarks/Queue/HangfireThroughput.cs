using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>
/// The peer: the same number of no-op jobs through Hangfire with Hangfire.PostgreSql storage (default options) in
/// a fresh database of the same cluster, pre-filled the same way, drained by one <see cref="BackgroundJobServer"/>
/// with <c>WorkerCount = workers</c>, timed from the server's start until every job is <c>Succeeded</c>.
/// </summary>
public static class HangfireThroughput
{
    private const string Succeeded = "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'";

    public static async Task<double> JobsPerSecondAsync(BenchContext context, int jobs, int workers, CancellationToken cancellationToken)
    {
        var connectionString = await context.CreateDatabaseAsync(cancellationToken);
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var client = new BackgroundJobClient(storage);
        await QueueFill.FillAsync(jobs, _ => Task.Run(() => client.Enqueue(() => NoOpJob.Run()), CancellationToken.None), cancellationToken);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, ServerName = $"bench-{workers}" }, storage);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        await using var count = dataSource.CreateCommand(Succeeded);
        while ((long)(await count.ExecuteScalarAsync(cancellationToken))! < jobs)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Hangfire did not finish the bench jobs in time.");
            }

            await Task.Delay(5, cancellationToken);
        }

        var rate = jobs / clock.Elapsed.TotalSeconds;
        server.SendStop();
        await server.WaitForShutdownAsync(cancellationToken);
        return rate;
    }
}

/// <summary>The Hangfire job: nothing, like <see cref="NoOpExperiment"/>.</summary>
public static class NoOpJob
{
    public static void Run()
    {
    }
}
