using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.Core.Logs;

namespace Platform.Web.Api;

/// <summary>What a run leaves besides metrics: its log lines and its artifacts.</summary>
public static class RunOutputsApi
{
    public const int MaxLogLines = 10_000;

    public static RouteGroupBuilder MapRunOutputsApi(this IEndpointRouteBuilder routes, ResourceRoute route)
    {
        var group = route.MapGroup(routes, "/{id:guid}", "Run outputs");
        group.MapGet("/logs", GetLogsAsync).WithName(route.Name("GetRunLogs")).WithSummary("The last log lines of a run, oldest first").DescribeAsIntegers("last");
        group.MapGet("/artifacts", ListArtifactsAsync).WithName(route.Name("ListRunArtifacts")).WithSummary("The files a run saved");
        group.MapGet("/artifacts/{name}", GetArtifactAsync).WithName(route.Name("GetRunArtifact")).WithSummary("Download one artifact");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<RunLogEntry>>, ProblemHttpResult, ValidationProblem>> GetLogsAsync(
        Guid id, string? last, RunReader runs, RunLog log, CancellationToken cancellationToken)
    {
        // A string, so that "all" or "1e9" gets a 400 naming 'last' (see QueryValue).
        if (!QueryValue.TryParseWholeNumber(last, out var count) || count is < 1 or > MaxLogLines)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["last"] = [$"'last' must be a whole number between 1 and {MaxLogLines}."] });
        }

        return await runs.GetAsync(id, cancellationToken) is null
            ? RunsApi.RunNotFound(id)
            : TypedResults.Ok(await log.ReadAsync(id, (int)(count ?? 500), cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<ArtifactInfo>>, ProblemHttpResult>> ListArtifactsAsync(
        Guid id, RunReader runs, ArtifactStore artifacts, CancellationToken cancellationToken) =>
        await runs.GetAsync(id, cancellationToken) is null
            ? RunsApi.RunNotFound(id)
            : TypedResults.Ok(await artifacts.ListAsync(id, cancellationToken));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetArtifactAsync(
        Guid id, string name, ArtifactStore artifacts, CancellationToken cancellationToken) =>
        await artifacts.ReadAsync(id, name, cancellationToken) is { } artifact
            ? TypedResults.File(artifact.Content, artifact.ContentType, name)
            : TypedResults.Problem(title: "No such artifact.", detail: $"Run {id} has no artifact named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
