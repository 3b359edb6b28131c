using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Jobs;

/// <summary>Turns a <see cref="JobFilter"/> into SQL: filters, then a total order (id breaks ties) for stable paging.</summary>
internal static class JobQueryExtensions
{
    public static IQueryable<Job> Where(this IQueryable<Job> query, JobFilter filter)
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
            // Ids are UUIDv7: jobs created together share their leading (time) digits, so any part of the id matches.
            query = query.Where(j => EF.Functions.ILike(j.Id.ToString(), contains)
                || EF.Functions.ILike(j.Kind, contains)
                || j.Tags.Any(t => EF.Functions.ILike(t, contains))
                || (j.Error != null && EF.Functions.ILike(j.Error, contains)));
        }

        return query;
    }

    public static IQueryable<Job> OrderBy(this IQueryable<Job> query, JobFilter filter)
    {
        var d = filter.Descending;
        // Nullable times sort their nulls last in both directions: a run that has not started is never "the latest".
        var ordered = filter.Sort switch
        {
            JobSortField.Started => Then(query.OrderBy(j => j.StartedAt == null), j => j.StartedAt, d),
            JobSortField.Finished => Then(query.OrderBy(j => j.FinishedAt == null), j => j.FinishedAt, d),
            JobSortField.Duration => Then(query.OrderBy(j => j.StartedAt == null), j => (j.FinishedAt ?? DateTimeOffset.UtcNow) - j.StartedAt, d),
            JobSortField.Kind => First(query, j => j.Kind, d),
            // States are stored as text; sort them in lifecycle order, not alphabetically.
            JobSortField.State => First(query, j => j.State == JobState.Queued ? 0 : j.State == JobState.Running ? 1
                : j.State == JobState.Succeeded ? 2 : j.State == JobState.Failed ? 3 : 4, d),
            _ => First(query, j => j.CreatedAt, d),
        };
        return d ? ordered.ThenByDescending(j => j.Id) : ordered.ThenBy(j => j.Id);
    }

    private static IOrderedQueryable<Job> First<TKey>(IQueryable<Job> query, Expression<Func<Job, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static IOrderedQueryable<Job> Then<TKey>(IOrderedQueryable<Job> query, Expression<Func<Job, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
