using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Metrics;
using Platform.Web.Compare;

namespace Platform.Web.Api;

/// <summary>Exports of a comparison of runs: every point of every run, as JSON or CSV.</summary>
public static class ComparisonsApi
{
    public static RouteGroupBuilder MapComparisonsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/comparisons").WithTags("Comparisons");
        group.MapGet("/", GetComparisonAsync).WithName("GetComparison")
            .WithSummary("Runs side by side: parameters (and which differ), summaries and every metric point; ids comma-separated");
        group.MapGet("/csv", GetComparisonCsvAsync).WithName("GetComparisonCsv")
            .WithSummary("Every metric point of the compared runs as CSV, one row per point with the run's id, kind and seed");
        return group;
    }

    public static async Task<Results<Ok<ComparisonExport>, ValidationProblem>> GetComparisonAsync(
        string? ids, ComparisonService comparisons, MetricSeriesReader metrics, CancellationToken cancellationToken)
    {
        var (parsed, error) = ComparisonIds.Parse(ids);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] });
        }

        var (found, missing) = await comparisons.LoadRunsAsync(parsed, cancellationToken);
        var runs = new List<ComparedRunExport>();
        foreach (var run in found)
        {
            var series = new Dictionary<string, IReadOnlyList<double[]>>(StringComparer.Ordinal);
            await foreach (var (key, points) in metrics.ReadRawAsync(run.Id, null, cancellationToken))
            {
                series[key] = points.Select(p => new[] { p.Step, p.Value }).ToList();
            }

            runs.Add(new ComparedRunExport(run.Id, run.Kind, run.State.ToString(), run.Seed, run.Tags, run.Parameters, run.Summary, series));
        }

        return TypedResults.Ok(new ComparisonExport(runs, [.. ParameterDiff.Of(found).Differing.Order(StringComparer.Ordinal)], missing));
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> GetComparisonCsvAsync(
        string? ids, HttpContext http, ComparisonService comparisons, MetricSeriesReader metrics, CancellationToken cancellationToken)
    {
        var (parsed, error) = ComparisonIds.Parse(ids);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] });
        }

        var (runs, _) = await comparisons.LoadRunsAsync(parsed, cancellationToken);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"comparison.csv\"";
        await using var writer = new StreamWriter(http.Response.Body);
        await writer.WriteLineAsync("run_id,kind,seed,key,step,value");
        foreach (var run in runs)
        {
            await foreach (var (key, points) in metrics.ReadRawAsync(run.Id, null, cancellationToken))
            {
                var prefix = $"{run.Id},{run.Kind},{run.Seed},{Csv.Quote(key)}";
                foreach (var (step, value) in points)
                {
                    await writer.WriteLineAsync($"{prefix},{step},{value.ToString("R", CultureInfo.InvariantCulture)}");
                }
            }
        }

        return TypedResults.Empty;
    }
}

public sealed record ComparisonExport(IReadOnlyList<ComparedRunExport> Runs, IReadOnlyList<string> DifferingParameters, IReadOnlyList<Guid> Missing);

public sealed record ComparedRunExport(
    Guid Id, string Kind, string State, long Seed, IReadOnlyList<string> Tags, JsonElement Parameters, JsonElement? Summary,
    IReadOnlyDictionary<string, IReadOnlyList<double[]>> Metrics);
