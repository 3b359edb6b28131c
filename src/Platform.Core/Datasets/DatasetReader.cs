using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Persistence;

namespace Platform.Core.Datasets;

/// <summary>Reads datasets, their uses by runs, and their content as a stream.</summary>
public sealed class DatasetReader(IDbContextFactory<PlatformDbContext> contexts, NpgsqlDataSource dataSource)
{
    /// <summary>All datasets, newest first; with <paramref name="formats"/>, only those of these formats.</summary>
    public async Task<IReadOnlyList<DatasetInfo>> ListAsync(IReadOnlyCollection<string>? formats, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Datasets.AsNoTracking();
        if (formats is { Count: > 0 })
        {
            query = query.Where(d => formats.Contains(d.Format));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Name).ToListAsync(cancellationToken);
        return rows.Select(DatasetInfo.From).ToList();
    }

    public async Task<DatasetInfo?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : DatasetInfo.From(row);
    }

    public async Task<DatasetInfo?> GetBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Sha256 == sha256, cancellationToken);
        return row is null ? null : DatasetInfo.From(row);
    }

    /// <summary>The runs that used the dataset, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<DatasetUse>> UsesAsync(Guid id, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RunDatasets.AsNoTracking().Where(r => r.DatasetId == id)
            .Join(db.Runs, r => r.RunId, run => run.Id, (r, run) => new { r.RunId, run.Kind, r.Parameter, run.CreatedAt })
            .OrderByDescending(u => u.CreatedAt).Take(limit)
            .Select(u => new DatasetUse(u.RunId, u.Kind, u.Parameter, u.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The datasets a run used, by parameter.</summary>
    public async Task<IReadOnlyList<RunDatasetInfo>> OfRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RunDatasets.AsNoTracking().Where(r => r.RunId == runId)
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new RunDatasetInfo(r.Parameter, d.Id, d.Name, r.Sha256, d.Licence))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The datasets a run used, or null when there is no such run.</summary>
    public async Task<IReadOnlyList<RunDatasetInfo>?> OfExistingRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
            {
                return null;
            }
        }

        return await OfRunAsync(runId, cancellationToken);
    }

    /// <summary>The dataset's bytes, read one chunk at a time; null when there is no such dataset.</summary>
    public async Task<(DatasetInfo Dataset, Stream Content)?> OpenAsync(Guid id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { } dataset ? (dataset, new DatasetChunkStream(dataSource, dataset.Id, dataset.Size)) : null;
}
