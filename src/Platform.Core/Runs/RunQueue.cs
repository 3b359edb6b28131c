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
    /// <summary>How many of each owner's queued runs the claim considers: enough for this many concurrent claimers.</summary>
    public const int ClaimCandidatesPerOwner = 16;

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
                              idempotency_key, study_id, tags, progress, owner, idempotency_fingerprint, idempotency_expires_at)
            VALUES (@id, @kind, @parameters::jsonb, @seed, 'Queued', @priority, 0, @max_attempts, false,
                    @key, @study, @tags, 0, @owner, @fingerprint,
                    CASE WHEN @key IS NULL THEN NULL ELSE coalesce(@now, now()) + @lifetime END)
            ON CONFLICT (owner, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (run.Owner is not null && ownerQueueCap is { } cap)
        {
            await EnsureUnderCapAsync(connection, transaction, run.Owner, cap, cancellationToken);
        }

        if (run.IdempotencyKey is not null)
        {
            await ExpireIdempotencyKeyAsync(connection, transaction, run, cancellationToken);
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
            insert.Parameters.Add(NullableText("fingerprint", run.IdempotencyFingerprint));
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("now", run.SubmittedAt) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.AddWithValue("lifetime", IdempotencyKeyLifetime);
            if (await insert.ExecuteScalarAsync(cancellationToken) is null)
            {
                var existingId = await FindIdempotentRunAsync(connection, transaction, run, cancellationToken);
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

    /// <summary>How long an <c>Idempotency-Key</c> names the run it was first sent with.</summary>
    public static readonly TimeSpan IdempotencyKeyLifetime = TimeSpan.FromHours(24);

    /// <summary>Frees the owner's key if the run it named is past its lifetime, so this submission makes a new run.</summary>
    private static async Task ExpireIdempotencyKeyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewRun run, CancellationToken cancellationToken)
    {
        await using var expire = new NpgsqlCommand("""
            UPDATE runs SET idempotency_key = NULL
            WHERE idempotency_key = @key AND owner IS NOT DISTINCT FROM @owner AND idempotency_expires_at <= coalesce(@now, now())
            """, connection, transaction);
        expire.Parameters.AddWithValue("key", run.IdempotencyKey!);
        expire.Parameters.Add(NullableText("owner", run.Owner));
        expire.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("now", run.SubmittedAt) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await expire.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The run the owner's key already names; refused when it was submitted with other content.</summary>
    private static async Task<Guid> FindIdempotentRunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewRun run, CancellationToken cancellationToken)
    {
        await using var existing = new NpgsqlCommand(
            "SELECT id, idempotency_fingerprint FROM runs WHERE idempotency_key = @key AND owner IS NOT DISTINCT FROM @owner",
            connection, transaction);
        existing.Parameters.AddWithValue("key", run.IdempotencyKey!);
        existing.Parameters.Add(NullableText("owner", run.Owner));
        await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (id, fingerprint) = (reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        // A run keyed before fingerprints were kept has none: it matches whatever is sent, as it did then.
        return fingerprint is null || fingerprint == run.IdempotencyFingerprint
            ? id
            : throw new IdempotencyConflictException(
                "This Idempotency-Key was already used with a different request body; use a new key for a different run.");
    }

    /// <summary>
    /// Leases the most urgent queued run of one of <paramref name="kinds"/>, or returns null. Within a priority, the run
    /// of the owner with the fewest running runs goes first, then the oldest: a study of hundreds of runs from one owner
    /// then delays another owner's run by at most the run each worker is busy with, not by the whole study.
    /// </summary>
    /// <remarks>
    /// The fair order is found without sorting the queue: the owners with queued runs are walked on
    /// <c>ix_runs_queued_owner</c> (one index probe per owner), each owner's first <see cref="ClaimCandidatesPerOwner"/>
    /// claimable runs come from the same index in (priority, id) order, and only those few candidates are sorted. The
    /// best run overall is always among them, since the owner's running count is the same for all of an owner's runs.
    /// More candidates than one per owner let concurrent claimers skip each other's locked rows.
    /// </remarks>
    public async Task<ClaimedRun?> TryClaimAsync(string workerId, IReadOnlyCollection<string> kinds, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string Claim = """
            WITH RECURSIVE named_owners AS (
                (SELECT owner FROM runs WHERE state = 'Queued' AND owner IS NOT NULL ORDER BY owner LIMIT 1)
                UNION ALL
                SELECT (SELECT r.owner FROM runs r WHERE r.state = 'Queued' AND r.owner > o.owner ORDER BY r.owner LIMIT 1)
                FROM named_owners o WHERE o.owner IS NOT NULL),
            candidates AS (
                SELECT c.id, c.priority, c.owner FROM named_owners o CROSS JOIN LATERAL (
                    SELECT r.id, r.priority, r.owner FROM runs r
                    WHERE r.state = 'Queued' AND r.owner = o.owner AND r.not_before <= now() AND r.kind = ANY(@kinds)
                    ORDER BY r.priority DESC, r.id LIMIT @per_owner) c
                WHERE o.owner IS NOT NULL
                UNION ALL
                (SELECT r.id, r.priority, r.owner FROM runs r
                 WHERE r.state = 'Queued' AND r.owner IS NULL AND r.not_before <= now() AND r.kind = ANY(@kinds)
                 ORDER BY r.priority DESC, r.id LIMIT @per_owner)),
            running AS (SELECT owner, count(*) AS running FROM runs WHERE state = 'Running' GROUP BY owner),
            claimed AS (
                UPDATE runs SET state = 'Running', lease_owner = @worker, lease_until = now() + @lease,
                                attempt = attempt + 1, started_at = coalesce(started_at, now())
                WHERE id = (
                    SELECT q.id FROM runs q
                    JOIN candidates c ON c.id = q.id
                    LEFT JOIN running o ON o.owner IS NOT DISTINCT FROM c.owner
                    WHERE q.state = 'Queued'
                    ORDER BY c.priority DESC, coalesce(o.running, 0), c.id
                    FOR UPDATE OF q SKIP LOCKED
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
            command.Parameters.AddWithValue("per_owner", ClaimCandidatesPerOwner);
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
