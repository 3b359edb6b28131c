using Npgsql;
using NpgsqlTypes;
using Platform.Core.Events;
using Platform.Core.Security;

namespace Platform.Core.Runs;

/// <summary>
/// The queue's state machine in SQL. Every transition is one conditional statement, so two processes racing
/// for the same row can never both win, and a terminal state is written at most once.
/// </summary>
public sealed partial class RunQueue(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    public Task<(Guid Id, bool Created)> EnqueueAsync(NewRun run, CancellationToken cancellationToken) =>
        EnqueueAsync(run, ownerQueueCap: null, cancellationToken);

    /// <summary>
    /// Queues a run. With <paramref name="ownerQueueCap"/>, refuses (<see cref="QueueCapReachedException"/>) when the
    /// run's owner already has that many queued runs; an advisory lock per owner makes the count exact under races.
    /// </summary>
    public async Task<(Guid Id, bool Created)> EnqueueAsync(NewRun run, int? ownerQueueCap, CancellationToken cancellationToken)
    {
        var (id, created) = await InsertAsync(run, ownerQueueCap, cancellationToken);
        if (created)
        {
            // Only once the insert's connection is back in the pool: publishing takes a connection too, and holding
            // one while waiting for another lets a burst of submissions as large as the pool starve each other.
            await PublishStateAsync(id, RunState.Queued, null, cancellationToken);
        }

        return (id, created);
    }

    private async Task<(Guid Id, bool Created)> InsertAsync(NewRun run, int? ownerQueueCap, CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested,
                              idempotency_key, study_id, tags, progress, owner)
            VALUES (@id, @kind, @parameters::jsonb, @seed, 'Queued', @priority, 0, @max_attempts, false,
                    @key, @study, @tags, 0, @owner)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (run.Owner is not null && ownerQueueCap is { } cap)
        {
            await EnsureUnderCapAsync(connection, transaction, run.Owner, cap, cancellationToken);
        }

        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand(Insert, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kind", run.Kind);
            insert.Parameters.AddWithValue("parameters", run.Parameters);
            insert.Parameters.AddWithValue("seed", run.Seed);
            insert.Parameters.AddWithValue("priority", run.Priority);
            insert.Parameters.AddWithValue("max_attempts", run.MaxAttempts);
            insert.Parameters.Add(NullableText("key", run.IdempotencyKey));
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("study", run.StudyId) { NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.AddWithValue("tags", run.Tags.ToArray());
            insert.Parameters.Add(NullableText("owner", run.Owner));
            if (await insert.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var existing = new NpgsqlCommand("SELECT id FROM runs WHERE idempotency_key = @key", connection, transaction);
                existing.Parameters.AddWithValue("key", run.IdempotencyKey!);
                var existingId = (Guid)(await existing.ExecuteScalarAsync(cancellationToken))!;
                await transaction.CommitAsync(cancellationToken);
                return (existingId, false);
            }
        }

        // Delivered on commit, so a woken worker always finds the row.
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{NotificationChannels.Runs}', @id::text)", connection, transaction))
        {
            notify.Parameters.AddWithValue("id", id);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (id, true);
    }

    /// <summary>Leases the most urgent queued run of one of <paramref name="kinds"/>, or returns null.</summary>
    public async Task<ClaimedRun?> TryClaimAsync(string workerId, IReadOnlyCollection<string> kinds, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Claim = """
            WITH claimed AS (
                UPDATE runs SET state = 'Running', lease_owner = @worker, lease_until = now() + @lease,
                                attempt = attempt + 1, started_at = coalesce(started_at, now())
                WHERE id = (
                    SELECT id FROM runs
                    WHERE state = 'Queued' AND not_before <= now() AND kind = ANY(@kinds)
                    ORDER BY priority DESC, id
                    FOR UPDATE SKIP LOCKED
                    LIMIT 1)
                RETURNING id, kind, parameters::text AS parameters, seed, attempt, max_attempts),
            history AS (
                INSERT INTO run_attempts (run_id, attempt, worker, started_at)
                SELECT id, attempt, @worker, now() FROM claimed)
            SELECT id, kind, parameters, seed, attempt, max_attempts FROM claimed
            """;
        ClaimedRun run;
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

            run = new ClaimedRun(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5));
        }

        await PublishStateAsync(run.Id, RunState.Running, $"Attempt {run.Attempt} on {workerId}", cancellationToken);
        return run;
    }

    /// <summary>
    /// Cancels a queued run at once and asks a running one's worker to stop it. A runner may cancel only the runs it
    /// owns, an admin (and <see cref="Caller.Platform"/>) any; a viewer none.
    /// </summary>
    public async Task<CancelOutcome> RequestCancelAsync(Caller caller, Guid runId, CancellationToken cancellationToken)
    {
        if (await MayCancelAsync(caller, runId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        const string Cancel = """
            UPDATE runs SET cancel_requested = true,
                state = CASE WHEN state = 'Queued' THEN 'Cancelled' ELSE state END,
                finished_at = CASE WHEN state = 'Queued' THEN now() ELSE finished_at END
            WHERE id = @id AND state IN ('Queued', 'Running')
            RETURNING state
            """;
        await using var command = dataSource.CreateCommand(Cancel);
        command.Parameters.AddWithValue("id", runId);
        switch (await command.ExecuteScalarAsync(cancellationToken))
        {
            case "Cancelled":
                await PublishStateAsync(runId, RunState.Cancelled, "Cancelled before it started", cancellationToken);
                return CancelOutcome.Cancelled;
            case "Running":
                // The flag is committed; this only spares the worker the wait for its next heartbeat.
                await using (var notify = dataSource.CreateCommand($"SELECT pg_notify('{NotificationChannels.Cancels}', @id::text)"))
                {
                    notify.Parameters.AddWithValue("id", runId);
                    await notify.ExecuteNonQueryAsync(cancellationToken);
                }

                return CancelOutcome.Requested;
        }

        await using var exists = dataSource.CreateCommand("SELECT 1 FROM runs WHERE id = @id");
        exists.Parameters.AddWithValue("id", runId);
        return await exists.ExecuteScalarAsync(cancellationToken) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyFinished;
    }

    public async Task SetEnvironmentAsync(Guid runId, string environmentJson, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE runs SET environment = @e::jsonb WHERE id = @id");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("e", environmentJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand LeasedCommand(string sql, Guid runId, string workerId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("worker", workerId);
        return command;
    }

    private static NpgsqlParameter<string?> NullableText(string name, string? value) =>
        new(name, value) { NpgsqlDbType = NpgsqlDbType.Text };

    private async Task NotifyClaimableAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{NotificationChannels.Runs}', @id::text)");
        notify.Parameters.AddWithValue("id", runId);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task PublishStateAsync(Guid runId, RunState state, string? message, CancellationToken cancellationToken) =>
        events.PublishAsync(new RunStateChanged(runId, state, message), cancellationToken);
}
