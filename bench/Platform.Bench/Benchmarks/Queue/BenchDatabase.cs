using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Bench.Harness;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Persistence;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>
/// A fresh migrated platform database plus a submitter: the real <see cref="RunQueue"/> with an instance
/// identity of its own, i.e. what a separate web process does on <c>POST /api/v1/runs</c> (minus HTTP).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Queue = new RunQueue(DataSource, new RunEventPublisher(DataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity()));
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public RunQueue Queue { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var connectionString = await context.CreateDatabaseAsync(cancellationToken);
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(connectionString);
        await using (var db = new PlatformDbContext(options.Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return new BenchDatabase(connectionString);
    }

    public async Task<Guid> SubmitAsync(string kind, string parameters, CancellationToken cancellationToken) =>
        (await Queue.EnqueueAsync(new NewRun(kind, parameters, 1, []), cancellationToken)).Id;

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls every few milliseconds until <paramref name="count"/> runs succeeded; throws if one failed.</summary>
    public async Task WaitForSucceededAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // One cheap query per poll: the bench must not load the database it measures.
        const string Count = "SELECT count(*) FILTER (WHERE state = 'Succeeded'), count(*) FILTER (WHERE state IN ('Failed', 'Cancelled')) FROM runs";
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var command = DataSource.CreateCommand(Count))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetInt64(1) > 0 || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Bench runs did not all succeed within {timeout} ({reader.GetInt64(0)} of {count}).");
                }

                if (reader.GetInt64(0) >= count)
                {
                    return;
                }
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
