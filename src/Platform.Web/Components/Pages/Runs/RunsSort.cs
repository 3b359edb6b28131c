using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Maps the grid's sort keys (row property names) to the database's sort fields and back.</summary>
public static class RunsSort
{
    private static readonly Dictionary<string, RunSortField> s_byColumn = new(StringComparer.Ordinal)
    {
        [nameof(RunRow.CreatedAt)] = RunSortField.Created,
        [nameof(RunRow.StartedAt)] = RunSortField.Started,
        [nameof(RunRow.FinishedAt)] = RunSortField.Finished,
        [nameof(RunRow.Kind)] = RunSortField.Kind,
        [nameof(RunRow.State)] = RunSortField.State,
        [nameof(RunRow.Duration)] = RunSortField.Duration,
    };

    public static RunSortField? FromColumn(string? column) =>
        column is not null && s_byColumn.TryGetValue(column, out var field) ? field : null;

    public static string ToQuery(RunSortField field) => field.ToString().ToLowerInvariant();
}
