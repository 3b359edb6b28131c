using Npgsql;
using NpgsqlTypes;
using Platform.Core.Events;

namespace Platform.Core.Runs;

/// <summary>The lease side of the queue: heartbeats, terminal writes, hand-backs and the reaper's sweep.</summary>
public sealed partial class RunQueue
{
    public async Task<LeaseStatus> HeartbeatAsync(Guid runId, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Extend = """
            UPDATE runs SET lease_until = now() + @lease
            WHERE id = @id AND state = 'Running' AND lease_owner = @worker
            RETURNING cancel_requested
            """;
        await using var command = LeasedCommand(Extend, runId, workerId);
        command.Parameters.AddWithValue("lease", lease);
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            null => LeaseStatus.Lost,
            true => LeaseStatus.CancelRequested,
            _ => LeaseStatus.Held,
        };
    }

    /// <summary>Writes the terminal state of a run this worker still leases. False when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(Guid runId, string workerId, RunState state, string? summary, string? error, CancellationToken cancellationToken)
    {
        if (!state.IsTerminal())
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A run can only complete in a terminal state.");
        }

        const string Complete = """
            WITH done AS (
                UPDATE runs SET state = @state, finished_at = now(), lease_owner = NULL, lease_until = NULL,
                                summary = @summary::jsonb, error = @error,
                                progress = CASE WHEN @state = 'Succeeded' THEN 1 ELSE progress END
                WHERE id = @id AND state = 'Running' AND lease_owner = @worker
                RETURNING id),
            history AS (
                UPDATE run_attempts SET finished_at = now(), outcome = @state, error = @error
                WHERE run_id IN (SELECT id FROM done) AND worker = @worker AND finished_at IS NULL)
            SELECT count(*) FROM done
            """;
        await using var command = LeasedCommand(Complete, runId, workerId);
        command.Parameters.AddWithValue("state", state.ToString());
        command.Parameters.Add(NullableText("summary", summary));
        command.Parameters.Add(NullableText("error", error));
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return false;
        }

        await PublishStateAsync(runId, state, error, cancellationToken);
        return true;
    }

    /// <summary>
    /// Returns a leased run to the queue (graceful shutdown, or an infrastructure fault worth retrying).
    /// A shutdown does not count as an attempt; a fault does, and the last allowed attempt fails the run.
    /// </summary>
    public async Task<RunState?> ReleaseAsync(Guid runId, string workerId, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        const string Release = """
            WITH released AS (
                UPDATE runs SET
                    state = CASE WHEN @count AND attempt >= max_attempts THEN 'Failed' ELSE 'Queued' END,
                    finished_at = CASE WHEN @count AND attempt >= max_attempts THEN now() END,
                    attempt = CASE WHEN @count THEN attempt ELSE attempt - 1 END,
                    lease_owner = NULL, lease_until = NULL, error = @error
                WHERE id = @id AND state = 'Running' AND lease_owner = @worker
                RETURNING id, state),
            history AS (
                UPDATE run_attempts SET finished_at = now(), error = @error,
                                        outcome = CASE WHEN @count THEN 'Fault' ELSE 'Interrupted' END
                WHERE run_id IN (SELECT id FROM released) AND worker = @worker AND finished_at IS NULL)
            SELECT state FROM released
            """;
        await using var command = LeasedCommand(Release, runId, workerId);
        command.Parameters.AddWithValue("count", countAttempt);
        command.Parameters.Add(NullableText("error", error));
        if (await command.ExecuteScalarAsync(cancellationToken) is not string stateText)
        {
            return null;
        }

        var state = Enum.Parse<RunState>(stateText);
        if (state == RunState.Queued)
        {
            await NotifyClaimableAsync(runId, cancellationToken);
        }

        await PublishStateAsync(runId, state, error, cancellationToken);
        return state;
    }

    /// <summary>
    /// Takes back runs whose worker stopped heart-beating: to the queue for another attempt, or to Failed once
    /// the attempts are used up (Cancelled if a cancel was pending).
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, RunState State)>> ReapExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        const string Reap = """
            WITH expired AS (
                SELECT id, lease_owner FROM runs WHERE state = 'Running' AND lease_until < now()
                FOR UPDATE SKIP LOCKED),
            reaped AS (
                UPDATE runs j SET
                    state = CASE WHEN j.cancel_requested THEN 'Cancelled'
                                 WHEN j.attempt >= j.max_attempts THEN 'Failed' ELSE 'Queued' END,
                    finished_at = CASE WHEN j.cancel_requested OR j.attempt >= j.max_attempts THEN now() END,
                    error = format('Lease expired: worker %s stopped heart-beating during attempt %s of %s',
                                   j.lease_owner, j.attempt, j.max_attempts),
                    lease_owner = NULL, lease_until = NULL
                FROM expired WHERE j.id = expired.id
                RETURNING j.id, j.state, j.error),
            history AS (
                UPDATE run_attempts a SET finished_at = now(), outcome = 'LeaseExpired', error = r.error
                FROM expired e JOIN reaped r ON r.id = e.id
                WHERE a.run_id = e.id AND a.worker = e.lease_owner AND a.finished_at IS NULL)
            SELECT id, state, error FROM reaped
            """;
        var reaped = new List<(Guid, RunState, string)>();
        await using (var command = dataSource.CreateCommand(Reap))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reaped.Add((reader.GetGuid(0), Enum.Parse<RunState>(reader.GetString(1)), reader.GetString(2)));
            }
        }

        foreach (var (id, state, error) in reaped)
        {
            if (state == RunState.Queued)
            {
                await NotifyClaimableAsync(id, cancellationToken);
            }

            await PublishStateAsync(id, state, error, cancellationToken);
        }

        return reaped.Select(r => (r.Item1, r.Item2)).ToList();
    }

    /// <summary>
    /// Stores how far a run this worker leases is and publishes it as <see cref="RunProgressed"/>; a run no
    /// longer leased (ended, reaped) neither stores nor announces it.
    /// </summary>
    public async Task UpdateProgressAsync(Guid runId, string workerId, double fraction, string message, CancellationToken cancellationToken)
    {
        await using var command = LeasedCommand(
            "UPDATE runs SET progress = @p, progress_message = @m WHERE id = @id AND lease_owner = @worker AND state = 'Running'", runId, workerId);
        command.Parameters.AddWithValue("p", Math.Clamp(fraction, 0, 1));
        command.Parameters.AddWithValue("m", message.Length <= 500 ? message : message[..500]);
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            await events.PublishAsync(new RunProgressed(runId, fraction, message), cancellationToken);
        }
    }
}
