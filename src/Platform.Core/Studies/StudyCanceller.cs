using Npgsql;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Security;

namespace Platform.Core.Studies;

/// <summary>
/// Cancels a study: its queued runs become Cancelled at once and its running runs' workers are asked to stop, with the
/// same statements the queue uses for one run, applied to all of the study's unfinished runs in one transaction.
/// </summary>
public sealed class StudyCanceller(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    /// <returns><see cref="CancelOutcome.Cancelled"/> or <see cref="CancelOutcome.Requested"/> (some runs were still running),
    /// <see cref="CancelOutcome.AlreadyFinished"/>, <see cref="CancelOutcome.Forbidden"/> or <see cref="CancelOutcome.NotFound"/>.</returns>
    public async Task<CancelOutcome> CancelAsync(Caller caller, Guid studyId, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return CancelOutcome.Forbidden;
        }

        var cancelled = new List<Guid>();
        var running = new List<Guid>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var owner = new NpgsqlCommand("SELECT owner FROM studies WHERE id = @id FOR UPDATE", connection, transaction))
            {
                owner.Parameters.AddWithValue("id", studyId);
                await using var reader = await owner.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return CancelOutcome.NotFound;
                }

                if (caller.RestrictedToOwner is { } restricted && (reader.IsDBNull(0) || reader.GetString(0) != restricted))
                {
                    return CancelOutcome.Forbidden;
                }
            }

            await using (var mark = new NpgsqlCommand(
                "UPDATE studies SET cancelled_at = coalesce(cancelled_at, now()) WHERE id = @id", connection, transaction))
            {
                mark.Parameters.AddWithValue("id", studyId);
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }

            const string Cancel = """
                UPDATE runs SET cancel_requested = true,
                    state = CASE WHEN state = 'Queued' THEN 'Cancelled' ELSE state END,
                    finished_at = CASE WHEN state = 'Queued' THEN now() ELSE finished_at END
                WHERE study_id = @id AND state IN ('Queued', 'Running')
                RETURNING id, state
                """;
            await using (var cancel = new NpgsqlCommand(Cancel, connection, transaction))
            {
                cancel.Parameters.AddWithValue("id", studyId);
                await using var reader = await cancel.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    (reader.GetString(1) == nameof(RunState.Cancelled) ? cancelled : running).Add(reader.GetGuid(0));
                }
            }

            // Delivered on commit; spares the workers the wait for their next heartbeat.
            await using (var notify = new NpgsqlCommand(
                $"SELECT pg_notify('{NotificationChannels.Cancels}', r::text) FROM unnest(@ids) AS r", connection, transaction))
            {
                notify.Parameters.AddWithValue("ids", running.ToArray());
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (cancelled.Count > 0)
        {
            await events.PublishAsync([.. cancelled.Select(r => (RunEvent)new RunStateChanged(r, RunState.Cancelled, "Cancelled with its study"))],
                cancellationToken);
        }

        return running.Count > 0 ? CancelOutcome.Requested
            : cancelled.Count > 0 ? CancelOutcome.Cancelled
            : CancelOutcome.AlreadyFinished;
    }
}
