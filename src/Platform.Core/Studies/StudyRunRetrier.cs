using Npgsql;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Security;

namespace Platform.Core.Studies;

/// <summary>
/// Runs a failed (or cancelled) run of a study again: a new run with the same kind, parameters, seed and datasets takes
/// its place (point, replicate) in the study, so the aggregates count the new one. The old run keeps its history and
/// its study id, so the study's run list still shows what failed; a run's terminal state is never rewritten.
/// </summary>
public sealed class StudyRunRetrier(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public async Task<(RetryOutcome Outcome, Guid? NewRunId)> RetryAsync(Caller caller, Guid studyId, Guid runId, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return (RetryOutcome.Forbidden, null);
        }

        var newId = Guid.CreateVersion7();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // Locking the place makes two retries of the same run race to one new run, not two.
            await using (var place = new NpgsqlCommand("""
                SELECT r.state, s.owner, s.cancelled_at IS NOT NULL
                FROM study_runs p JOIN runs r ON r.id = p.run_id JOIN studies s ON s.id = p.study_id
                WHERE p.study_id = @study AND p.run_id = @run
                FOR UPDATE OF p
                """, connection, transaction))
            {
                place.Parameters.AddWithValue("study", studyId);
                place.Parameters.AddWithValue("run", runId);
                await using var reader = await place.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return (RetryOutcome.NotFound, null);
                }

                if (caller.RestrictedToOwner is { } restricted && (reader.IsDBNull(1) || reader.GetString(1) != restricted))
                {
                    return (RetryOutcome.Forbidden, null);
                }

                if (reader.GetBoolean(2))
                {
                    return (RetryOutcome.StudyCancelled, null);
                }

                if (reader.GetString(0) is not (nameof(RunState.Failed) or nameof(RunState.Cancelled)))
                {
                    return (RetryOutcome.NotFailed, null);
                }
            }

            const string Copy = """
                INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested,
                                  study_id, tags, progress, owner)
                SELECT @new, kind, parameters, seed, 'Queued', priority, 0, max_attempts, false, study_id, tags, 0, owner
                FROM runs WHERE id = @run;
                INSERT INTO run_datasets (run_id, parameter, dataset_id, sha256)
                SELECT @new, parameter, dataset_id, sha256 FROM run_datasets WHERE run_id = @run;
                UPDATE study_runs SET run_id = @new WHERE run_id = @run;
                """;
            await using (var copy = new NpgsqlCommand(Copy, connection, transaction))
            {
                copy.Parameters.AddWithValue("new", newId);
                copy.Parameters.AddWithValue("run", runId);
                await copy.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{NotificationChannels.Runs}', @id::text)", connection, transaction))
            {
                notify.Parameters.AddWithValue("id", newId);
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await events.PublishAsync([new RunStateChanged(newId, RunState.Queued, $"Retry of {runId}")], cancellationToken);
        return (RetryOutcome.Retried, newId);
    }
}
