using Npgsql;
using NpgsqlTypes;
using Platform.Core.Events;
using Platform.Core.Security;

namespace Platform.Core.Jobs;

/// <summary>
/// The queue's state machine in SQL. Every transition is one conditional statement, so two processes racing
/// for the same row can never both win, and a terminal state is written at most once.
/// </summary>
public sealed partial class JobQueue(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public Task<(Guid Id, bool Created)> EnqueueAsync(NewJob job, CancellationToken cancellationToken) =>
        EnqueueAsync(job, ownerQueueCap: null, cancellationToken);

    /// <summary>
    /// Queues a job. With <paramref name="ownerQueueCap"/>, refuses (<see cref="QueueCapReachedException"/>) when the
    /// job's owner already has that many queued jobs; an advisory lock per owner makes the count exact under races.
    /// </summary>
    public async Task<(Guid Id, bool Created)> EnqueueAsync(NewJob job, int? ownerQueueCap, CancellationToken cancellationToken)
    {
        var (id, created) = await InsertAsync(job, ownerQueueCap, cancellationToken);
        if (created)
        {
            // Only once the insert's connection is back in the pool: publishing takes a connection too, and holding
            // one while waiting for another lets a burst of submissions as large as the pool starve each other.
            await PublishStateAsync(id, JobState.Queued, 0, null, cancellationToken);
        }

        return (id, created);
    }

    private async Task<(Guid Id, bool Created)> InsertAsync(NewJob job, int? ownerQueueCap, CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO jobs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested,
                              idempotency_key, study_id, tags, progress, owner)
            VALUES (@id, @kind, @parameters::jsonb, @seed, 'Queued', @priority, 0, @max_attempts, false,
                    @key, @study, @tags, 0, @owner)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (job.Owner is not null && ownerQueueCap is { } cap)
        {
            await EnsureUnderCapAsync(connection, transaction, job.Owner, cap, cancellationToken);
        }

        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand(Insert, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kind", job.Kind);
            insert.Parameters.AddWithValue("parameters", job.Parameters);
            insert.Parameters.AddWithValue("seed", job.Seed);
            insert.Parameters.AddWithValue("priority", job.Priority);
            insert.Parameters.AddWithValue("max_attempts", job.MaxAttempts);
            insert.Parameters.Add(NullableText("key", job.IdempotencyKey));
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("study", job.StudyId) { NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.AddWithValue("tags", job.Tags.ToArray());
            insert.Parameters.Add(NullableText("owner", job.Owner));
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
        return (id, true);
    }

    /// <summary>Leases the most urgent queued job of one of <paramref name="kinds"/>, or returns null.</summary>
    public async Task<ClaimedJob?> TryClaimAsync(string workerId, IReadOnlyCollection<string> kinds, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Claim = """
            WITH claimed AS (
                UPDATE jobs SET state = 'Running', lease_owner = @worker, lease_until = now() + @lease,
                                attempt = attempt + 1, started_at = coalesce(started_at, now())
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE state = 'Queued' AND not_before <= now() AND kind = ANY(@kinds)
                    ORDER BY priority DESC, id
                    FOR UPDATE SKIP LOCKED
                    LIMIT 1)
                RETURNING id, kind, parameters::text AS parameters, seed, attempt, max_attempts),
            history AS (
                INSERT INTO job_attempts (job_id, attempt, worker, started_at)
                SELECT id, attempt, @worker, now() FROM claimed)
            SELECT id, kind, parameters, seed, attempt, max_attempts FROM claimed
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

    public async Task<CancelOutcome> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (CurrentCaller.Value is { } caller && await MayCancelAsync(caller, jobId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

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
                // The flag is committed; this only spares the worker the wait for its next heartbeat.
                await using (var notify = dataSource.CreateCommand($"SELECT pg_notify('{NotificationChannels.Cancels}', @id::text)"))
                {
                    notify.Parameters.AddWithValue("id", jobId);
                    await notify.ExecuteNonQueryAsync(cancellationToken);
                }

                return CancelOutcome.Requested;
        }

        await using var exists = dataSource.CreateCommand("SELECT 1 FROM jobs WHERE id = @id");
        exists.Parameters.AddWithValue("id", jobId);
        return await exists.ExecuteScalarAsync(cancellationToken) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyFinished;
    }

    public async Task SetEnvironmentAsync(Guid jobId, string environmentJson, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE jobs SET environment = @e::jsonb WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("e", environmentJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand LeasedCommand(string sql, Guid jobId, string workerId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("worker", workerId);
        return command;
    }

    private static NpgsqlParameter<string?> NullableText(string name, string? value) =>
        new(name, value) { NpgsqlDbType = NpgsqlDbType.Text };

    private async Task NotifyClaimableAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{NotificationChannels.Jobs}', @id::text)");
        notify.Parameters.AddWithValue("id", jobId);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task PublishStateAsync(Guid jobId, JobState state, double progress, string? message, CancellationToken cancellationToken) =>
        events.PublishAsync(new JobStateChanged(jobId, state, progress, message), cancellationToken);
}
