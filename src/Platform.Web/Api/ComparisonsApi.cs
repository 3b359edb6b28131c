using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Platform.Core.Metrics;
using Platform.Web.Compare;

namespace Platform.Web.Api;

/// <summary>Exports of a comparison of runs: every point of every run, as JSON or CSV, written as the points are read.</summary>
public static class ComparisonsApi
{
    public static RouteGroupBuilder MapComparisonsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/comparisons").WithTags("Comparisons");
        group.MapGet("/", GetComparisonAsync).WithName("GetComparison")
            .WithSummary("Runs side by side: parameters (and which differ), summaries and every metric point; ids comma-separated " +
                $"(at most {ComparisonIds.MaxRuns}). Streamed as read from the database: the server holds one point at a time")
            .Produces<ComparisonExport>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/csv", GetComparisonCsvAsync).WithName("GetComparisonCsv")
            .WithSummary("Every metric point of the compared runs as CSV, one row per point with the run's id, kind and seed; " +
                "streamed as read; text cells that begin like a formula (=, +, -, @) are prefixed with an apostrophe, numbers never");
        return group;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> GetComparisonAsync(string? ids, HttpContext http,
        ComparisonService comparisons, MetricSeriesReader metrics, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (parsed, error) = ComparisonIds.Parse(ids);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error] });
        }

        var (found, missing) = await comparisons.LoadRunsAsync(parsed, cancellationToken);
        http.Response.ContentType = "application/json; charset=utf-8";
        await ComparisonExportWriter.WriteAsync(http.Response.Body, found, missing, metrics, json.Value.SerializerOptions, cancellationToken);
        return TypedResults.Empty;
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
            var prefix = $"{run.Id},{Csv.Text(run.Kind)},{run.Seed},";
            string? key = null, quoted = null;
            await foreach (var point in metrics.StreamAsync(run.Id, null, cancellationToken))
            {
                if (point.Key != key)
                {
                    (key, quoted) = (point.Key, Csv.Text(point.Key));
                }

                await writer.WriteLineAsync($"{prefix}{quoted},{point.Step},{Csv.Number(point.Value)}");
            }
        }

        return TypedResults.Empty;
    }
}

public sealed record ComparisonExport(IReadOnlyList<ComparedRunExport> Runs, IReadOnlyList<string> DifferingParameters, IReadOnlyList<Guid> Missing);

public sealed record ComparedRunExport(
    Guid Id, string Kind, string State, long Seed, IReadOnlyList<string> Tags, JsonElement Parameters, JsonElement? Summary,
    IReadOnlyDictionary<string, IReadOnlyList<double[]>> Metrics);
