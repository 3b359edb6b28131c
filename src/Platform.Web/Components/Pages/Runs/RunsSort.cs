using Platform.Core.Jobs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Maps the grid's sort keys (row property names) to the database's sort fields and back.</summary>
public static class RunsSort
{
    private static readonly Dictionary<string, JobSortField> s_byColumn = new(StringComparer.Ordinal)
    {
        [nameof(RunRow.CreatedAt)] = JobSortField.Created,
        [nameof(RunRow.StartedAt)] = JobSortField.Started,
        [nameof(RunRow.FinishedAt)] = JobSortField.Finished,
        [nameof(RunRow.Kind)] = JobSortField.Kind,
        [nameof(RunRow.State)] = JobSortField.State,
        [nameof(RunRow.Duration)] = JobSortField.Duration,
    };

    public static JobSortField? FromColumn(string? column) =>
        column is not null && s_byColumn.TryGetValue(column, out var field) ? field : null;

    public static string ToQuery(JobSortField field) => field.ToString().ToLowerInvariant();
}
