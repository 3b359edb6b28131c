using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Jobs;

/// <summary>Read side of the queue: pages, single jobs and counts, with a context per call.</summary>
public sealed class JobReader(IDbContextFactory<PlatformDbContext> contexts)
{
    public async Task<JobDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var attempts = await db.JobAttempts.AsNoTracking().Where(a => a.JobId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return JobDto.From(job, attempts.Select(JobAttemptDto.From).ToList());
    }

    /// <summary>The jobs with these ids that exist, without their attempts, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<JobDto>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        return ids.Where(jobs.ContainsKey).Select(id => JobDto.From(jobs[id])).ToList();
    }

    public async Task<JobList> ListAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Jobs.AsNoTracking().Where(filter);
        var total = await query.CountAsync(cancellationToken);
        var jobs = await query.OrderBy(filter)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new JobList(jobs.Select(j => JobDto.From(j)).ToList(), filter.Page, filter.PageSize, total);
    }

    /// <summary>Every state with its count, zeros included, so a dashboard never mistakes "none" for "unknown".</summary>
    public async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Jobs.GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Enum.GetValues<JobState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }
}
