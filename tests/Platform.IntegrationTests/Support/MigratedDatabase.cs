using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Persistence;

namespace Platform.IntegrationTests.Support;

/// <summary>A fresh database with the platform's schema and the queue over it, without an app around them.</summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private MigratedDatabase(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
        Queue = new RunQueue(dataSource, new RunEventPublisher(dataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity()));
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public RunQueue Queue { get; }

    public static async Task<MigratedDatabase> CreateAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(connectionString);
        await using (var db = new PlatformDbContext(options.Options))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return new MigratedDatabase(connectionString, NpgsqlDataSource.Create(connectionString));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    public static NewRun Run(string kind = "k", int maxAttempts = 3, string? idempotencyKey = null) =>
        new(kind, "{}", 1, [], idempotencyKey, MaxAttempts: maxAttempts);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
