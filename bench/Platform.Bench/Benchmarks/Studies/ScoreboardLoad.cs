using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Workers.Runs;

namespace Platform.Bench.Benchmarks.Studies;

/// <summary>
/// Load time of <c>GET /api/v1/scoreboard</c> with a headline study stored for every family that has a paper (five
/// here), each of <see cref="Seeds"/> succeeded runs whose summaries have the family's predicted claims, 20 metrics and
/// a 50-row table (about the size of the real ones). Baseline: the same request before any study exists, i.e. the
/// endpoint's fixed cost. The summaries are made up: the row measures reading and aggregating them, not the science.
/// </summary>
public static class ScoreboardLoad
{
    public const int Seeds = 5;

    /// <summary>Stores the studies with their runs already succeeded (no worker ever sees them queued).</summary>
    public static async Task<int> StoreHeadlineStudiesAsync(BenchApp app, CancellationToken cancellationToken)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var families = app.Services.GetRequiredService<FamilyCatalog>().All.Where(f => f.Paper is not null).ToList();
        foreach (var family in families)
        {
            await using var insert = dataSource.CreateCommand("""
                INSERT INTO studies (id, kind, preset, points, seeds, study_seed, run_count) VALUES (@study, @kind, @preset, '[{}]', @seeds, 1, @seeds);
                INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested, study_id, tags,
                                  progress, started_at, finished_at, summary)
                SELECT r.id, @kind, '{}', r.seed - 1, 'Succeeded', 0, 1, 1, false, @study, '{}', 1, now(), now(), r.summary::jsonb
                FROM unnest(@ids, @summaries) WITH ORDINALITY AS r(id, summary, seed);
                INSERT INTO study_runs (run_id, study_id, point, replicate)
                SELECT r.id, @study, 0, r.replicate - 1 FROM unnest(@ids) WITH ORDINALITY AS r(id, replicate);
                """);
            insert.Parameters.AddWithValue("study", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("kind", family.Kind);
            insert.Parameters.AddWithValue("preset", ExperimentPreset.HeadlineName);
            insert.Parameters.AddWithValue("seeds", Seeds);
            insert.Parameters.AddWithValue("ids", Enumerable.Range(0, Seeds).Select(_ => Guid.CreateVersion7()).ToArray());
            insert.Parameters.AddWithValue("summaries", Enumerable.Range(0, Seeds).Select(seed => Summary(family, seed)).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return families.Count;
    }

    public static async Task<IReadOnlyList<double>> TimeAsync(BenchApp app, int requests, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await app.Client.GetAsync("/api/v1/scoreboard", cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static string Summary(IExperiment family, int seed)
    {
        var metrics = Enumerable.Range(0, 20).ToDictionary(m => $"metric_{m}", m => m + (seed * 0.01));
        var claims = family.Evidence.PredictedClaims.Select(claim => new ClaimCheck(claim, ClaimBasis.Predicted, 1.0,
            new Bounds(0.9, 1.1), 1.0 + (seed * 0.01), new Bounds(0.98 + (seed * 0.01), 1.02 + (seed * 0.01)), [], 1, "×",
            ClaimVerdict.Supported, null)).ToList();
        var table = new ResultTable("per step", ["step", "value"], [.. Enumerable.Range(0, 50).Select(r => (IReadOnlyList<object?>)[r, r * 0.5])]);
        return JsonSerializer.Serialize(new RunSummary(metrics, claims) { Tables = [table] }, SummaryJson.Options);
    }
}
