using Npgsql;
using NpgsqlTypes;
using Platform.Core.Events;
using Platform.Core.Runs;

namespace Platform.Core.Studies;

/// <summary>
/// Writes studies: the study row, all its runs and their places in one transaction, with one statement per table
/// (arrays unnested server-side), so a 1,000-run study costs a handful of round trips and is queued all or nothing.
/// </summary>
public sealed class StudyStore(NpgsqlDataSource dataSource, RunEventPublisher events)
{
    /// <summary>
    /// Queues the study. With <paramref name="ownerQueueCap"/> the owner must be under the cap when submitting (as for
    /// one run); the study's runs may then take it past the cap, since fair claiming, not the cap, keeps a big study from
    /// starving other owners. An <see cref="NewStudy.IdempotencyKey"/> already used returns the study it named.
    /// </summary>
    /// <exception cref="QueueCapReachedException">The owner already has <paramref name="ownerQueueCap"/> queued runs.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used with a different study.</exception>
    public async Task<(Guid Id, bool Created)> InsertAsync(NewStudy study, int? ownerQueueCap, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var runIds = study.Runs.Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (study.Owner is not null && ownerQueueCap is { } cap)
            {
                await RunQueue.EnsureUnderCapAsync(connection, transaction, study.Owner, cap, cancellationToken);
            }

            if (!await InsertStudyAsync(connection, transaction, id, study, cancellationToken))
            {
                var existing = await FindIdempotentStudyAsync(connection, transaction, study, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (existing, false);
            }

            await InsertRunsAsync(connection, transaction, id, runIds, study, cancellationToken);
            // One wake-up is enough: a woken worker claims until the queue is empty.
            await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{NotificationChannels.Runs}', @id::text)", connection, transaction))
            {
                notify.Parameters.AddWithValue("id", runIds[0]);
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // After the connection is back in the pool (see RunQueue.EnqueueAsync): one event per run, one round trip.
        await events.PublishAsync([.. runIds.Select(r => (RunEvent)new RunStateChanged(r, RunState.Queued, null))], cancellationToken);
        return (id, true);
    }

    private static async Task<bool> InsertStudyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, NewStudy study, CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO studies (id, kind, preset, base_parameters, sweep, points, seeds, study_seed, run_count, owner,
                                 idempotency_key, idempotency_fingerprint)
            VALUES (@id, @kind, @preset, @base::jsonb, @sweep::jsonb, @points::jsonb, @seeds, @study_seed, @run_count, @owner,
                    @key, @fingerprint)
            ON CONFLICT (owner, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING id
            """;
        await using var insert = new NpgsqlCommand(Insert, connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("kind", study.Kind);
        insert.Parameters.Add(Text("preset", study.Preset));
        insert.Parameters.Add(Text("base", study.BaseParameters));
        insert.Parameters.Add(Text("sweep", study.Sweep));
        insert.Parameters.AddWithValue("points", study.Points);
        insert.Parameters.AddWithValue("seeds", study.Seeds);
        insert.Parameters.AddWithValue("study_seed", study.StudySeed);
        insert.Parameters.AddWithValue("run_count", study.Runs.Count);
        insert.Parameters.Add(Text("owner", study.Owner));
        insert.Parameters.Add(Text("key", study.IdempotencyKey));
        insert.Parameters.Add(Text("fingerprint", study.IdempotencyFingerprint));
        return await insert.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task InsertRunsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid studyId, Guid[] runIds, NewStudy study, CancellationToken cancellationToken)
    {
        const string Insert = """
            INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested,
                              study_id, tags, progress, owner)
            SELECT r.id, @kind, r.parameters::jsonb, r.seed, 'Queued', 0, 0, @max_attempts, false, @study, @tags, 0, @owner
            FROM unnest(@ids, @parameters, @seeds) AS r(id, parameters, seed);
            INSERT INTO study_runs (run_id, study_id, point, replicate)
            SELECT r.id, @study, r.point, r.replicate FROM unnest(@ids, @points, @replicates) AS r(id, point, replicate);
            """;
        await using var insert = new NpgsqlCommand(Insert, connection, transaction);
        insert.Parameters.AddWithValue("kind", study.Kind);
        insert.Parameters.AddWithValue("max_attempts", study.MaxAttempts);
        insert.Parameters.AddWithValue("study", studyId);
        insert.Parameters.AddWithValue("tags", study.Tags.ToArray());
        insert.Parameters.Add(Text("owner", study.Owner));
        insert.Parameters.AddWithValue("ids", runIds);
        insert.Parameters.AddWithValue("parameters", study.Runs.Select(r => r.Parameters).ToArray());
        insert.Parameters.AddWithValue("seeds", study.Runs.Select(r => r.Seed).ToArray());
        insert.Parameters.AddWithValue("points", study.Runs.Select(r => r.Point).ToArray());
        insert.Parameters.AddWithValue("replicates", study.Runs.Select(r => r.Replicate).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);

        var uses = study.Runs.SelectMany((r, i) => (r.Datasets ?? []).Select(d => (Run: runIds[i], Use: d))).ToArray();
        if (uses.Length > 0)
        {
            // In the same transaction: a dataset deleted meanwhile fails the whole study (foreign key), never half of it.
            await using var record = new NpgsqlCommand("""
                INSERT INTO run_datasets (run_id, parameter, dataset_id, sha256)
                SELECT * FROM unnest(@runs, @parameters, @datasets, @hashes)
                """, connection, transaction);
            record.Parameters.AddWithValue("runs", uses.Select(u => u.Run).ToArray());
            record.Parameters.AddWithValue("parameters", uses.Select(u => u.Use.Parameter).ToArray());
            record.Parameters.AddWithValue("datasets", uses.Select(u => u.Use.DatasetId).ToArray());
            record.Parameters.AddWithValue("hashes", uses.Select(u => u.Use.Sha256).ToArray());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The study the owner's key already names; refused when it was submitted with other content.</summary>
    private static async Task<Guid> FindIdempotentStudyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewStudy study, CancellationToken cancellationToken)
    {
        await using var existing = new NpgsqlCommand(
            "SELECT id, idempotency_fingerprint FROM studies WHERE idempotency_key = @key AND owner IS NOT DISTINCT FROM @owner",
            connection, transaction);
        existing.Parameters.AddWithValue("key", study.IdempotencyKey!);
        existing.Parameters.Add(Text("owner", study.Owner));
        await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (id, fingerprint) = (reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return fingerprint == study.IdempotencyFingerprint
            ? id
            : throw new IdempotencyConflictException(
                "This Idempotency-Key was already used with a different study; use a new key for a different study.");
    }

    internal static NpgsqlParameter<string?> Text(string name, string? value) => new(name, value) { NpgsqlDbType = NpgsqlDbType.Text };
}
