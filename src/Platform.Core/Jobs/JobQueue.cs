using Npgsql;
using NpgsqlTypes;
using Platform.Core.Events;

namespace Platform.Core.Jobs;

/// <summary>
/// The queue's state machine in SQL. Every transition is one conditional statement, so two processes racing
/// for the same row can never both win, and a terminal state is written at most once.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public async Task<(Guid Id, bool Created)> EnqueueAsync(NewJob job, CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO jobs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested,
                              idempotency_key, study_id, tags, progress)
            VALUES (@id, @kind, @parameters::jsonb, @seed, 'Queued', @priority, 0, @max_attempts, false,
                    @key, @study, @tags, 0)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand(Insert, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kind", job.Kind);
            insert.Parameters.AddWithValue("parameters", job.Parameters);
            insert.Parameters.AddWithValue("seed", job.Seed);
            insert.Parameters.AddWithValue("priority", job.Priority);
            insert.Parameters.AddWithValue("max_attempts", job.MaxAttempts);
            insert.Parameters.Add(new NpgsqlParameter<string?>("key", job.IdempotencyKey) { NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("study", job.StudyId) { NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.AddWithValue("tags", job.Tags.ToArray());
            if (await insert.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var existing = new NpgsqlCommand("SELECT id FROM jobs WHERE idempotency_key = @key", connection, transaction);
                existing.Parameters.AddWithValue("key", job.IdempotencyKey!);
                var existingId = (Guid)(await existing.ExecuteScalarAsync(cancellationToken))!;
                await transaction.CommitAsync(cancellationToken);
                return (existingId, false);
            }
        }

        // Delivered on commit, so a woken worker always finds the row.
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{NotificationChannels.Jobs}', @id::text)", connection, transaction))
        {
            notify.Parameters.AddWithValue("id", id);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await PublishStateAsync(id, JobState.Queued, 0, null, cancellationToken);
        return (id, true);
    }

    /// <summary>Leases the most urgent queued job of one of <paramref name="kinds"/>, or returns null.</summary>
    public async Task<ClaimedJob?> TryClaimAsync(string workerId, IReadOnlyCollection<string> kinds, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Claim = """
            UPDATE jobs SET state = 'Running', lease_owner = @worker, lease_until = now() + @lease,
                            attempt = attempt + 1, started_at = coalesce(started_at, now()), error = NULL
            WHERE id = (
                SELECT id FROM jobs
                WHERE state = 'Queued' AND not_before <= now() AND kind = ANY(@kinds)
                ORDER BY priority DESC, id
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING id, kind, parameters::text, seed, attempt, max_attempts
            """;
        ClaimedJob job;
        await using (var command = dataSource.CreateCommand(Claim))
        {
            command.Parameters.AddWithValue("worker", workerId);
            command.Parameters.AddWithValue("lease", lease);
            command.Parameters.AddWithValue("kinds", kinds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            job = new ClaimedJob(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5));
        }

        await PublishStateAsync(job.Id, JobState.Running, 0, $"Attempt {job.Attempt} on {workerId}", cancellationToken);
        return job;
    }

    public async Task<LeaseStatus> HeartbeatAsync(Guid jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Extend = """
            UPDATE jobs SET lease_until = now() + @lease
            WHERE id = @id AND state = 'Running' AND lease_owner = @worker
            RETURNING cancel_requested
            """;
        await using var command = dataSource.CreateCommand(Extend);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("lease", lease);
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            null => LeaseStatus.Lost,
            true => LeaseStatus.CancelRequested,
            _ => LeaseStatus.Held,
        };
    }

    /// <summary>Writes the terminal state of a run this worker still leases. False when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(Guid jobId, string workerId, JobState state, string? summary, string? error, CancellationToken cancellationToken)
    {
        if (!state.IsTerminal())
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A job can only complete in a terminal state.");
        }

        const string Complete = """
            UPDATE jobs SET state = @state, finished_at = now(), lease_owner = NULL, lease_until = NULL,
                            summary = @summary::jsonb, error = @error,
                            progress = CASE WHEN @state = 'Succeeded' THEN 1 ELSE progress END
            WHERE id = @id AND state = 'Running' AND lease_owner = @worker
            """;
        await using var command = dataSource.CreateCommand(Complete);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("state", state.ToString());
        command.Parameters.Add(new NpgsqlParameter<string?>("summary", summary) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("error", error) { NpgsqlDbType = NpgsqlDbType.Text });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await PublishStateAsync(jobId, state, state == JobState.Succeeded ? 1 : 0, error, cancellationToken);
        return true;
    }

    /// <summary>
    /// Returns a leased job to the queue (graceful shutdown, or an infrastructure fault worth retrying).
    /// A shutdown does not count as an attempt; a fault does, and the last allowed attempt fails the job.
    /// </summary>
    public async Task<JobState?> ReleaseAsync(Guid jobId, string workerId, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        const string Release = """
            UPDATE jobs SET
                state = CASE WHEN @count AND attempt >= max_attempts THEN 'Failed' ELSE 'Queued' END,
                finished_at = CASE WHEN @count AND attempt >= max_attempts THEN now() END,
                attempt = CASE WHEN @count THEN attempt ELSE attempt - 1 END,
                lease_owner = NULL, lease_until = NULL, error = @error
            WHERE id = @id AND state = 'Running' AND lease_owner = @worker
            RETURNING state
            """;
        await using var command = dataSource.CreateCommand(Release);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("count", countAttempt);
        command.Parameters.Add(new NpgsqlParameter<string?>("error", error) { NpgsqlDbType = NpgsqlDbType.Text });
        if (await command.ExecuteScalarAsync(cancellationToken) is not string stateText)
        {
            return null;
        }

        var state = Enum.Parse<JobState>(stateText);
        if (state == JobState.Queued)
        {
            await NotifyClaimableAsync(jobId, cancellationToken);
        }

        await PublishStateAsync(jobId, state, 0, error, cancellationToken);
        return state;
    }

    public async Task<CancelOutcome> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        const string Cancel = """
            UPDATE jobs SET cancel_requested = true,
                state = CASE WHEN state = 'Queued' THEN 'Cancelled' ELSE state END,
                finished_at = CASE WHEN state = 'Queued' THEN now() ELSE finished_at END
            WHERE id = @id AND state IN ('Queued', 'Running')
            RETURNING state
            """;
        await using var command = dataSource.CreateCommand(Cancel);
        command.Parameters.AddWithValue("id", jobId);
        switch (await command.ExecuteScalarAsync(cancellationToken))
        {
            case "Cancelled":
                await PublishStateAsync(jobId, JobState.Cancelled, 0, "Cancelled before it started", cancellationToken);
                return CancelOutcome.Cancelled;
            case "Running":
                return CancelOutcome.Requested;
        }

        await using var exists = dataSource.CreateCommand("SELECT 1 FROM jobs WHERE id = @id");
        exists.Parameters.AddWithValue("id", jobId);
        return await exists.ExecuteScalarAsync(cancellationToken) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyFinished;
    }

    /// <summary>
    /// Takes back runs whose worker stopped heart-beating: to the queue for another attempt, or to Failed once
    /// the attempts are used up (Cancelled if a cancel was pending).
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, JobState State)>> ReapExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        const string Reap = """
            WITH expired AS (
                SELECT id FROM jobs WHERE state = 'Running' AND lease_until < now()
                FOR UPDATE SKIP LOCKED)
            UPDATE jobs j SET
                state = CASE WHEN j.cancel_requested THEN 'Cancelled'
                             WHEN j.attempt >= j.max_attempts THEN 'Failed' ELSE 'Queued' END,
                finished_at = CASE WHEN j.cancel_requested OR j.attempt >= j.max_attempts THEN now() END,
                error = format('Lease expired: worker %s stopped heart-beating during attempt %s of %s',
                               j.lease_owner, j.attempt, j.max_attempts),
                lease_owner = NULL, lease_until = NULL
            FROM expired WHERE j.id = expired.id
            RETURNING j.id, j.state, j.error
            """;
        var reaped = new List<(Guid, JobState, string)>();
        await using (var command = dataSource.CreateCommand(Reap))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reaped.Add((reader.GetGuid(0), Enum.Parse<JobState>(reader.GetString(1)), reader.GetString(2)));
            }
        }

        foreach (var (id, state, error) in reaped)
        {
            if (state == JobState.Queued)
            {
                await NotifyClaimableAsync(id, cancellationToken);
            }

            await PublishStateAsync(id, state, 0, error, cancellationToken);
        }

        return reaped.Select(r => (r.Item1, r.Item2)).ToList();
    }

    public async Task UpdateProgressAsync(Guid jobId, string workerId, double fraction, string message, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE jobs SET progress = @p, progress_message = @m WHERE id = @id AND lease_owner = @worker AND state = 'Running'");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("p", Math.Clamp(fraction, 0, 1));
        command.Parameters.AddWithValue("m", message.Length <= 500 ? message : message[..500]);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await PublishStateAsync(jobId, JobState.Running, fraction, message, cancellationToken);
    }

    public async Task SetEnvironmentAsync(Guid jobId, string environmentJson, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE jobs SET environment = @e::jsonb WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("e", environmentJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task NotifyClaimableAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{NotificationChannels.Jobs}', @id::text)");
        notify.Parameters.AddWithValue("id", jobId);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task PublishStateAsync(Guid jobId, JobState state, double progress, string? message, CancellationToken cancellationToken) =>
        events.PublishAsync(new JobStateChanged(jobId, state, progress, message), cancellationToken);
}
