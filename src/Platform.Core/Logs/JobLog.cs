using Npgsql;
using Platform.Core.Events;

namespace Platform.Core.Logs;

/// <summary>Appends and reads a run's log lines.</summary>
public sealed class JobLog(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public const int MaxLineLength = 4_000;

    public async Task AppendAsync(Guid jobId, string message, CancellationToken cancellationToken)
    {
        var line = message.Length <= MaxLineLength ? message : message[..MaxLineLength];
        await using var command = dataSource.CreateCommand(
            "INSERT INTO job_logs (job_id, at, message) VALUES (@job, now(), @message) RETURNING at");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("message", line);
        var at = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        await events.PublishAsync(new JobLogWritten(jobId, new DateTimeOffset(at, TimeSpan.Zero), line), cancellationToken);
    }

    public async Task<IReadOnlyList<JobLogEntry>> ReadAsync(Guid jobId, int last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT at, message FROM (
                SELECT id, at, message FROM job_logs WHERE job_id = @job ORDER BY id DESC LIMIT @last) t
            ORDER BY id
            """);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("last", last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<JobLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new JobLogEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return lines;
    }
}

public sealed record JobLogEntry(DateTimeOffset At, string Message);
