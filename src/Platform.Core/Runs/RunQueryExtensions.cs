using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Runs;

/// <summary>Turns a <see cref="RunFilter"/> into SQL: filters, then a total order (id breaks ties) for stable paging.</summary>
internal static class RunQueryExtensions
{
    public static IQueryable<Run> Where(this IQueryable<Run> query, RunFilter filter)
    {
        if (filter.States is { Count: > 0 } states)
        {
            query = query.Where(j => states.Contains(j.State));
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(j => j.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            query = query.Where(j => j.Tags.Contains(filter.Tag));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var contains = "%" + EscapeLike(text) + "%";
            // Ids are UUIDv7: runs created together share their leading (time) digits, so any part of the id matches.
            query = query.Where(j => EF.Functions.ILike(j.Id.ToString(), contains)
                || EF.Functions.ILike(j.Kind, contains)
                || j.Tags.Any(t => EF.Functions.ILike(t, contains))
                || (j.Error != null && EF.Functions.ILike(j.Error, contains)));
        }

        return query;
    }

    public static IQueryable<Run> OrderBy(this IQueryable<Run> query, RunFilter filter)
    {
        var d = filter.Descending;
        // Nullable times sort their nulls last in both directions: a run that has not started is never "the latest".
        // DateTimeOffset.UtcNow is translated to the database's now(), the clock the queue uses (ADR-001).
        var ordered = filter.Sort switch
        {
            RunSortField.Started => Then(query.OrderBy(j => j.StartedAt == null), j => j.StartedAt, d),
            RunSortField.Finished => Then(query.OrderBy(j => j.FinishedAt == null), j => j.FinishedAt, d),
            RunSortField.Duration => Then(query.OrderBy(j => j.StartedAt == null), j => (j.FinishedAt ?? DateTimeOffset.UtcNow) - j.StartedAt, d),
            RunSortField.Kind => First(query, j => j.Kind, d),
            // States are stored as text; sort them in lifecycle order, not alphabetically.
            RunSortField.State => First(query, j => j.State == RunState.Queued ? 0 : j.State == RunState.Running ? 1
                : j.State == RunState.Succeeded ? 2 : j.State == RunState.Failed ? 3 : 4, d),
            _ => First(query, j => j.CreatedAt, d),
        };
        return d ? ordered.ThenByDescending(j => j.Id) : ordered.ThenBy(j => j.Id);
    }

    private static IOrderedQueryable<Run> First<TKey>(IQueryable<Run> query, Expression<Func<Run, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static IOrderedQueryable<Run> Then<TKey>(IOrderedQueryable<Run> query, Expression<Func<Run, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
