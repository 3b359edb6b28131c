using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Runs;
using Platform.Core.Metrics;

namespace Platform.Web.Api;

public static class MetricsApi
{
    public const int DefaultMaxPoints = 2_000;
    public const int MaxMaxPoints = 100_000;

    public static RouteGroupBuilder MapMetricsApi(this IEndpointRouteBuilder routes, ResourceRoute route)
    {
        var group = route.MapGroup(routes, "/{id:guid}", "Metrics");
        group.MapGet("/metrics", GetMetricsAsync).WithName(route.Name("GetRunMetrics"))
            .WithSummary($"A run's metric series (optionally only steps fromStep..toStep), downsampled while read to at most maxPoints per series " +
                $"(extremes kept) and at most {MetricSeriesReader.MaxPointsPerRead} points in all")
            .DescribeAsIntegers("maxPoints", "fromStep", "toStep");
        group.MapGet("/metrics.csv", GetMetricsCsvAsync).WithName(route.Name("GetRunMetricsCsv"))
            .WithSummary("Every metric point of a run as CSV, streamed as read; text cells that begin like a formula (=, +, -, @) " +
                "are prefixed with an apostrophe, numbers never");
        return group;
    }

    /// <remarks>The numbers arrive as strings so that a bad one gets a 400 naming it (see <see cref="QueryValue"/>).</remarks>
    public static async Task<Results<Ok<MetricSeriesResponse>, ProblemHttpResult, ValidationProblem>> GetMetricsAsync(
        Guid id, string? key, string? maxPoints, string? fromStep, string? toStep, RunReader runs, MetricSeriesReader metrics,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueryValue.TryParseWholeNumber(maxPoints, out var max) || max is < 3 or > MaxMaxPoints)
        {
            errors["maxPoints"] = [$"'maxPoints' must be a whole number between 3 and {MaxMaxPoints}."];
        }

        if (!QueryValue.TryParseWholeNumber(fromStep, out var from))
        {
            errors["fromStep"] = ["'fromStep' must be a whole number."];
        }

        if (!QueryValue.TryParseWholeNumber(toStep, out var to))
        {
            errors["toStep"] = ["'toStep' must be a whole number."];
        }

        if (from > to)
        {
            errors["fromStep"] = ["'fromStep' must not be greater than 'toStep'."];
        }

        if (QueryValue.HasNul(key))
        {
            errors["key"] = [QueryValue.NulMessage("key")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await runs.GetAsync(id, cancellationToken) is null)
        {
            return RunsApi.RunNotFound(id);
        }

        var series = await metrics.ReadAsync(
            id, string.IsNullOrEmpty(key) ? null : key, (int)(max ?? DefaultMaxPoints), cancellationToken, from, to);
        return TypedResults.Ok(new MetricSeriesResponse(series));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> GetMetricsCsvAsync(
        Guid id, HttpContext http, RunReader runs, MetricSeriesReader metrics, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(id, cancellationToken) is null)
        {
            return RunsApi.RunNotFound(id);
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-metrics.csv\"";
        await using var writer = new StreamWriter(http.Response.Body);
        await writer.WriteLineAsync("key,step,value");
        string? key = null, quoted = null;
        await foreach (var point in metrics.StreamAsync(id, null, cancellationToken))
        {
            if (point.Key != key)
            {
                (key, quoted) = (point.Key, Csv.Text(point.Key));
            }

            await writer.WriteLineAsync($"{quoted},{point.Step},{Csv.Number(point.Value)}");
        }

        return TypedResults.Empty;
    }
}

public sealed record MetricSeriesResponse(IReadOnlyList<MetricSeries> Series);
