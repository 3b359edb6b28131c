using Npgsql;
using Platform.Core.Events;

namespace Platform.Core.Logs;

/// <summary>Appends and reads a run's log lines.</summary>
public sealed class RunLog(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public const int MaxLineLength = 4_000;

    public async Task AppendAsync(Guid runId, string message, CancellationToken cancellationToken)
    {
        var line = message.Length <= MaxLineLength ? message : message[..MaxLineLength];
        await using var command = dataSource.CreateCommand(
            "INSERT INTO run_logs (run_id, at, message) VALUES (@run, now(), @message) RETURNING at");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("message", line);
        var at = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        await events.PublishAsync(new RunLogWritten(runId, new DateTimeOffset(at, TimeSpan.Zero), line), cancellationToken);
    }

    public async Task<IReadOnlyList<RunLogEntry>> ReadAsync(Guid runId, int last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT at, message FROM (
                SELECT id, at, message FROM run_logs WHERE run_id = @run ORDER BY id DESC LIMIT @last) t
            ORDER BY id
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("last", last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<RunLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new RunLogEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return lines;
    }
}

public sealed record RunLogEntry(DateTimeOffset At, string Message);
