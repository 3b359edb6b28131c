using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Core.Runs;

namespace Platform.Core.Studies;

/// <summary>Read side of studies: each study with its runs counted by state in the database, its runs, their results.</summary>
public sealed class StudyReader(NpgsqlDataSource dataSource, IDbContextFactory<PlatformDbContext> contexts)
{
    public const int MaxPageSize = 500;

    // One pass over the study's places counts their runs per state and finds the last finish. Through study_runs, not
    // runs.study_id: a retried run's place holds the new run, while the failed one keeps its study id for the record.
    private const string Select = """
        SELECT s.id, s.kind, s.preset, s.base_parameters::text, s.sweep::text, s.points::text, s.seeds, s.study_seed,
               s.run_count, s.created_at, s.cancelled_at, s.owner,
               count(*) FILTER (WHERE r.state = 'Queued'), count(*) FILTER (WHERE r.state = 'Running'),
               count(*) FILTER (WHERE r.state = 'Succeeded'), count(*) FILTER (WHERE r.state = 'Failed'),
               count(*) FILTER (WHERE r.state = 'Cancelled'), max(r.finished_at)
        FROM studies s LEFT JOIN study_runs p ON p.study_id = s.id LEFT JOIN runs r ON r.id = p.run_id
        """;

    public async Task<StudyDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE s.id = @id GROUP BY s.id");
        command.Parameters.AddWithValue("id", id);
        var studies = await ReadAsync(command, cancellationToken);
        return studies.Count == 0 ? null : studies[0];
    }

    /// <summary>Newest first; <paramref name="kind"/> narrows to one family.</summary>
    public async Task<StudyList> ListAsync(string? kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {Select} WHERE @kind IS NULL OR s.kind = @kind GROUP BY s.id ORDER BY s.created_at DESC, s.id DESC
            LIMIT @take OFFSET @skip
            """);
        command.Parameters.Add(StudyStore.Text("kind", kind));
        command.Parameters.AddWithValue("take", pageSize);
        command.Parameters.AddWithValue("skip", (long)(page - 1) * pageSize);
        var items = await ReadAsync(command, cancellationToken);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM studies WHERE @kind IS NULL OR kind = @kind");
        count.Parameters.Add(StudyStore.Text("kind", kind));
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new StudyList(items, page, pageSize, (int)total);
    }

    /// <summary>The latest study of each family that reproduces its headline: the headline preset, one point.</summary>
    public async Task<IReadOnlyList<StudyDto>> LatestHeadlineStudiesAsync(string headlinePreset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {Select}
            WHERE s.id IN (SELECT DISTINCT ON (kind) id FROM studies
                           WHERE preset = @preset AND sweep IS NULL AND base_parameters IS NULL
                           ORDER BY kind, created_at DESC, id DESC)
            GROUP BY s.id ORDER BY s.kind
            """);
        command.Parameters.AddWithValue("preset", headlinePreset);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The study's runs in expansion order (point, then replicate).</summary>
    public async Task<IReadOnlyList<RunDto>> RunsAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Join(db.Set<StudyRun>().Where(p => p.StudyId == studyId), r => r.Id, p => p.RunId, (r, p) => new { Run = r, p.Point, p.Replicate })
            .OrderBy(x => x.Point).ThenBy(x => x.Replicate)
            .Select(x => x.Run)
            .ToListAsync(cancellationToken);
        return runs.Select(r => RunDto.From(r)).ToList();
    }

    /// <summary>Each run's place, state and summary: what the aggregates are computed from.</summary>
    public async Task<IReadOnlyList<StudyRunResult>> ResultsAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.id, p.point, p.replicate, r.seed, r.state, r.summary::text, r.finished_at
            FROM study_runs p JOIN runs r ON r.id = p.run_id
            WHERE p.study_id = @id ORDER BY p.point, p.replicate
            """);
        command.Parameters.AddWithValue("id", studyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<StudyRunResult>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new StudyRunResult(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3),
                Enum.Parse<RunState>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return results;
    }

    private static async Task<List<StudyDto>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var studies = new List<StudyDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var progress = new StudyProgress(
                (int)reader.GetInt64(12), (int)reader.GetInt64(13), (int)reader.GetInt64(14), (int)reader.GetInt64(15), (int)reader.GetInt64(16));
            var cancelledAt = reader.IsDBNull(10) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(10);
            var state = StudyStates.Of(progress, cancelledAt is not null);
            studies.Add(new StudyDto(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                Json(reader, 3), Json(reader, 4), Json(reader, 5)!.Value, reader.GetInt32(6), reader.GetInt64(7), reader.GetInt32(8),
                state, progress, reader.GetFieldValue<DateTimeOffset>(9), cancelledAt,
                progress.Queued + progress.Running == 0 && !reader.IsDBNull(17) ? reader.GetFieldValue<DateTimeOffset>(17) : null,
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return studies;
    }

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();
}
