using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Runs;

/// <summary>Read side of the queue: pages, single runs and counts, with a context per call.</summary>
public sealed class RunReader(IDbContextFactory<PlatformDbContext> contexts)
{
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AnyAsync(r => r.Id == id, cancellationToken);
    }

    public async Task<RunDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var attempts = await db.RunAttempts.AsNoTracking().Where(a => a.RunId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return RunDto.From(run, attempts.Select(RunAttemptDto.From).ToList());
    }

    /// <summary>The runs with these ids that exist, without their attempts, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<RunDto>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        return ids.Where(runs.ContainsKey).Select(id => RunDto.From(runs[id])).ToList();
    }

    /// <summary>
    /// A page of runs. Each run's parameters come cut to <see cref="ListedParameters.MaxValueCharacters"/> per value (flagged
    /// <see cref="RunDto.ParametersTruncated"/>), in the database, so a page of runs with uploaded files costs kilobytes.
    /// </summary>
    public async Task<RunList> ListAsync(RunFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking().Where(filter);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(filter)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(ListedParameters.WithoutParameters)
            .ToListAsync(cancellationToken);
        var parameters = await ListedParameters.ReadAsync(db, page.Select(r => r.Id).ToArray(), cancellationToken);
        return new RunList([.. page.Select(r => ListedParameters.Attach(r, parameters))], filter.Page, filter.PageSize, total);
    }

    /// <summary>Every state with its count, zeros included, so a dashboard never mistakes "none" for "unknown".</summary>
    public async Task<IReadOnlyDictionary<RunState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Runs.GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Enum.GetValues<RunState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }
}
