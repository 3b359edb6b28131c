using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Runs;

/// <summary>
/// Parameters as run lists show them: a run may carry an uploaded file of megabytes in its parameters, and a page
/// lists up to 500 runs, so the list leaves the column out and reads it again cut short in SQL: values over
/// <see cref="MaxValueCharacters"/> end in "…" and the run is flagged. The detail route returns them whole.
/// </summary>
internal static class ListedParameters
{
    /// <summary>Parameters up to this many bytes of JSON are listed whole.</summary>
    public const int MaxWholeBytes = 16 * 1024;

    public const int MaxValueCharacters = 256;

    /// <summary>Every column of a run but its parameters, for EF to select.</summary>
    public static readonly Expression<Func<Run, ListedRun>> WithoutParameters = r => new ListedRun(
        r.Id, r.Kind, r.State, r.Attempt, r.MaxAttempts, r.Seed, r.Tags, r.CreatedAt, r.StartedAt, r.FinishedAt, r.Error,
        r.Summary, r.Environment, r.Progress, r.ProgressMessage, r.CancelRequested, r.Owner, r.Name, r.Note);

    public static async Task<Dictionary<Guid, ParametersRow>> ReadAsync(PlatformDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<ParametersRow>($$"""
            SELECT id AS "Id", octet_length(parameters::text) > {{MaxWholeBytes}} AS "Truncated",
                CASE WHEN octet_length(parameters::text) <= {{MaxWholeBytes}} THEN parameters::text
                ELSE (SELECT coalesce(jsonb_object_agg(e.key,
                        CASE WHEN jsonb_typeof(e.value) = 'string' AND length(e.value #>> '{}') > {{MaxValueCharacters}}
                        THEN to_jsonb(left(e.value #>> '{}', {{MaxValueCharacters}}) || '…') ELSE e.value END), '{}'::jsonb)
                    FROM jsonb_each(parameters) e)::text
                END AS "Parameters"
            FROM runs WHERE id = ANY({{ids}})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id);
    }

    public static RunDto Attach(ListedRun r, Dictionary<Guid, ParametersRow> parameters)
    {
        var listed = parameters.GetValueOrDefault(r.Id);
        return new RunDto(r.Id, r.Kind, r.State, r.Attempt, r.MaxAttempts, Parse(listed?.Parameters ?? "{}")!.Value, r.Seed, r.Tags,
            r.CreatedAt, r.StartedAt, r.FinishedAt, r.Error, Parse(r.Summary), Parse(r.Environment), r.Progress, r.ProgressMessage,
            r.CancelRequested, Owner: r.Owner, ParametersTruncated: listed?.Truncated ?? false, Name: r.Name, Note: r.Note);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    internal sealed record ListedRun(
        Guid Id, string Kind, RunState State, int Attempt, int MaxAttempts, long Seed, List<string> Tags, DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, string? Summary, string? Environment, double Progress,
        string? ProgressMessage, bool CancelRequested, string? Owner, string? Name, string? Note);

    internal sealed class ParametersRow
    {
        public Guid Id { get; init; }

        public bool Truncated { get; init; }

        public string Parameters { get; init; } = "{}";
    }
}
