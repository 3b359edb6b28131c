using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.Bench.Benchmarks.Load;

/// <summary>Reads one family's runs back from the database: waits for them to finish, checks them, times them.</summary>
public sealed class RunLedger(IServiceProvider services, string kind)
{
    private readonly NpgsqlDataSource _dataSource = services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>
    /// Polls until at least <paramref name="count"/> runs of the kind exist and none is queued or running any more.
    /// Counting stored runs, not answers, matters: a submission answered with an error may still have been queued.
    /// </summary>
    public async Task WaitUntilSettledAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT count(*), count(*) FILTER (WHERE state IN ('Queued', 'Running')) FROM runs WHERE kind = @kind";
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (stored, pending) = await ReadPairAsync(Sql, cancellationToken);
            if (stored >= count && pending == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} of {stored} load runs are still queued or running after {timeout}.");
            }

            // Cheap enough not to load the database being measured, fine enough for a window of seconds.
            await Task.Delay(10, cancellationToken);
        }
    }

    public async Task<ExactlyOnceReport> CheckAsync(IReadOnlyList<Guid> accepted, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT count(*), count(*) FILTER (WHERE j.id = ANY(@accepted)), count(*) FILTER (WHERE j.state = 'Succeeded'),
                   count(*) FILTER (WHERE j.attempt = 1 AND a.attempts = 1), count(*) FILTER (WHERE p.executions = 1)
            FROM runs j
            CROSS JOIN LATERAL (SELECT count(*) AS attempts FROM run_attempts WHERE run_id = j.id) a
            CROSS JOIN LATERAL (SELECT count(*) AS executions FROM metric_points WHERE run_id = j.id) p
            WHERE j.kind = @kind
            """;
        await using var command = Command(Sql);
        command.Parameters.AddWithValue("accepted", accepted.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ExactlyOnceReport(accepted.Count, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>Each finished run's submit → end time on the database's own clock (insert to terminal write).</summary>
    public async Task<IReadOnlyList<double>> QueueToDoneMsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT extract(epoch FROM finished_at - created_at) * 1000 FROM runs WHERE kind = @kind AND finished_at IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<double>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return values;
    }

    private async Task<(long, long)> ReadPairAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("kind", kind);
        return command;
    }
}
