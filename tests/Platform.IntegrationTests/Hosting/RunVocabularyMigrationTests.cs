using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Platform.Core.Persistence;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Hosting;

/// <summary>
/// The vocabulary migration renames jobs to runs in place: a database written before it reads back the same rows
/// after it (and after going back down), and the renamed identity sequences keep counting.
/// </summary>
public sealed class RunVocabularyMigrationTests(PostgresServer server)
{
    private const string Previous = "20261126143938_UserManagement";

    // The migration under test; later ones add columns, which are not part of "reads back identically".
    private const string Rename = "20261207174335_RunVocabulary";

    private static readonly Guid RunId = Guid.Parse("0b9a5f8e-3c1d-4e7a-9f00-5d2c8a6b7e11");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each table's rows as JSON, in a fixed order, under the names before the rename; after it, the same query runs
    // against the new names and the keys are mapped back, so "identical" means every value of every row.
    private static readonly (string Before, string After, string Order, bool HadJobId)[] Tables =
    [
        ("jobs", "runs", "id", false),
        ("job_attempts", "run_attempts", "id", true),
        ("job_logs", "run_logs", "id", true),
        ("artifacts", "artifacts", "id", true),
        ("checkpoints", "checkpoints", "name", true),
        ("metric_points", "metric_points", "id", false),
    ];

    [Fact]
    public async Task A_database_from_before_the_rename_migrates_and_reads_back_identically()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var db = Context(connectionString);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Previous, cancellationToken: Ct);
        await using var data = NpgsqlDataSource.Create(connectionString);
        await FillAsync(data);
        var before = await ReadAsync(data, t => t.Before);

        await migrator.MigrateAsync(Rename, cancellationToken: Ct);

        var after = await ReadAsync(data, t => t.After);
        Assert.Equal(before, after.Select((rows, i) => Tables[i].HadJobId ? rows.Replace("\"run_id\":", "\"job_id\":", StringComparison.Ordinal) : rows).ToList());
        Assert.Empty(await NamesStillSayingJobAsync(data));
        // Read with SQL: the model of today has columns that later migrations add.
        Assert.Equal(2L, await ScalarAsync(data, $"SELECT count(*) FROM run_attempts a JOIN runs r ON r.id = a.run_id WHERE r.id = '{RunId}' AND r.state = 'Succeeded'"));
        // The identity sequences were renamed with their tables and go on from where they were.
        Assert.Equal(3L, await ScalarAsync(data, $"INSERT INTO run_logs (run_id, at, message) VALUES ('{RunId}', now(), 'after') RETURNING id"));

        await migrator.MigrateAsync(Previous, cancellationToken: Ct);
        await ScalarAsync(data, "DELETE FROM job_logs WHERE id = 3 RETURNING 0");
        Assert.Equal(before, await ReadAsync(data, t => t.Before));
    }

    private static PlatformDbContext Context(string connectionString) =>
        new((DbContextOptions<PlatformDbContext>)new DbContextOptionsBuilder<PlatformDbContext>().UsePlatformDatabase(connectionString).Options);

    private static async Task FillAsync(NpgsqlDataSource data)
    {
        var other = Guid.Parse("6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00");
        string[] statements =
        [
            $$"""
            INSERT INTO jobs (id, kind, parameters, seed, state, priority, attempt, max_attempts, not_before, cancel_requested,
                              idempotency_key, created_at, started_at, finished_at, tags, summary, environment, progress,
                              progress_message, owner)
            VALUES ('{{RunId}}', 'counter', '{"steps": 3}', 42, 'Succeeded', 0, 2, 3, now(), false, 'key-1',
                    '2026-12-01 10:00:00+00', '2026-12-01 10:00:01+00', '2026-12-01 10:00:09+00', ARRAY['baseline','a'],
                    '{"metrics": {"loss": 0.25} }', '{"machine": "m"}', 1, 'done', 'runner:ci'),
                   ('{{other}}', 'text-entry', '{}', 7, 'Queued', 5, 0, 3, now(), false, NULL, now(), NULL, NULL,
                    ARRAY[]::text[], NULL, NULL, 0, NULL, 'admin')
            """,
            $"""
            INSERT INTO job_attempts (job_id, attempt, worker, started_at, finished_at, outcome, error)
            VALUES ('{RunId}', 1, 'w1', '2026-12-01 10:00:01+00', '2026-12-01 10:00:04+00', 'Lost', 'lease expired'),
                   ('{RunId}', 2, 'w2', '2026-12-01 10:00:05+00', '2026-12-01 10:00:09+00', 'Succeeded', NULL)
            """,
            $"INSERT INTO job_logs (job_id, at, message) VALUES ('{RunId}', '2026-12-01 10:00:02+00', 'one'), ('{RunId}', '2026-12-01 10:00:03+00', 'two')",
            $"INSERT INTO artifacts (id, job_id, name, content_type, content, size) VALUES (gen_random_uuid(), '{RunId}', 'model.bin', 'application/octet-stream', '\\x00ff10'::bytea, 3)",
            $"INSERT INTO checkpoints (job_id, name, state) VALUES ('{RunId}', 'round', '\\x0102'::bytea)",
            $"INSERT INTO metric_points (run_id, key, step, value, at) SELECT '{RunId}', 'loss/a', s, 1.0 / s, now() FROM generate_series(1, 50) s",
        ];
        foreach (var sql in statements)
        {
            await using var command = data.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    // Columns that later migrations add are left out: this compares what the rename kept (key order is kept).
    private static readonly string[] s_laterColumns = ["idempotency_expires_at", "idempotency_fingerprint"];

    private static string WithoutLaterColumns(string rows)
    {
        var array = System.Text.Json.Nodes.JsonNode.Parse(rows)!.AsArray();
        foreach (var row in array)
        {
            foreach (var column in s_laterColumns)
            {
                row!.AsObject().Remove(column);
            }
        }

        return array.ToJsonString();
    }

    private static async Task<List<string>> ReadAsync(NpgsqlDataSource data, Func<(string Before, string After, string Order, bool HadJobId), string> table)
    {
        var rows = new List<string>();
        foreach (var t in Tables)
        {
            await using var command = data.CreateCommand($"SELECT coalesce(json_agg(t ORDER BY t.{t.Order})::text, '[]') FROM {table(t)} t");
            rows.Add(WithoutLaterColumns((string)(await command.ExecuteScalarAsync(Ct))!));
        }

        Assert.Contains(rows, r => r.Length > 2);
        return rows;
    }

    private static async Task<List<string>> NamesStillSayingJobAsync(NpgsqlDataSource data)
    {
        const string sql = """
            SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname LIKE '%job%'
            UNION ALL SELECT attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND attname LIKE '%job%'
            UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname LIKE '%job%'
            """;
        await using var command = data.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct));
    }
}
