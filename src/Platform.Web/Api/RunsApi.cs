using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Core.Runs;
using Platform.Web.Runs;
using Platform.Web.Security;

namespace Platform.Web.Api;

public static class RunsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder routes, ResourceRoute route)
    {
        var group = route.MapGroup(routes, "", "Runs");
        group.MapPost("/", SubmitRunAsync).WithName(route.Name("SubmitRun")).WithSummary("Queue a run of an experiment family")
            .Accepts<SubmitRunRequest>("application/json")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Runner)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.SubmissionRateLimit);
        group.MapGet("/", ListRunsAsync).WithName(route.Name("ListRuns")).WithSummary("Runs filtered by state, kind, tag and text (q), sorted and paged in the database");
        group.MapGet("/{id:guid}", GetRunAsync).WithName(route.Name("GetRun")).WithSummary("One run with its parameters, state and summary");
        if (!route.IsDeprecated)
        {
            // Labels came after the former path was retired: it keeps what it had, and nothing new.
            group.MapPatch("/{id:guid}", LabelRunAsync).WithName(route.Name("LabelRun")).WithSummary("Set a run's name and note (empty text clears; runners: only their own)")
                .Accepts<LabelRunRequest>("application/json")
                .ProducesValidationProblem()
                .RequireAuthorization(Policies.Runner);
        }
        group.MapPost("/{id:guid}/cancel", CancelRunAsync).WithName(route.Name("CancelRun")).WithSummary("Cancel a queued or running run (runners: only their own)")
            .RequireAuthorization(Policies.Runner);
        return group;
    }

    public static async Task<Results<Created<RunDto>, Ok<RunDto>, ValidationProblem, ProblemHttpResult>> SubmitRunAsync(
        HttpRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        RunSubmissionService submissions,
        CancellationToken cancellationToken)
    {
        // Routing answers 415 to a body declared as anything else, but lets one with no Content-Type through. Refusing
        // that too keeps out cross-site "simple" requests, which may carry JSON without declaring it.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "The body must be JSON.", detail: "Send the submission with 'Content-Type: application/json'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (body, errors) = await SubmitRunRequestReader.ReadAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The submission is invalid.");
        }

        var result = await submissions.SubmitAsync(user.ToCallerOrAnonymous(), body, idempotencyKey, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status);
        }

        if (result.Run is null)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The submission is invalid.");
        }

        var location = $"{ResourceRoute.Runs.Prefix}/{result.Run.Id}";
        return result.Created ? TypedResults.Created(location, result.Run) : TypedResults.Ok(result.Run);
    }

    public static async Task<Results<Ok<RunList>, ValidationProblem>> ListRunsAsync(
        [AsParameters] RunListQuery query, RunReader reader, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await reader.ListAsync(query.ToFilter(), cancellationToken));
    }

    public static async Task<Results<Ok<RunDto>, ProblemHttpResult>> GetRunAsync(Guid id, RunReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } run ? TypedResults.Ok(run) : RunNotFound(id);

    public static async Task<Results<Ok<RunDto>, Accepted<RunDto>, ProblemHttpResult>> CancelRunAsync(
        Guid id, ClaimsPrincipal user, RunQueue queue, RunReader reader, CancellationToken cancellationToken)
    {
        var outcome = await queue.RequestCancelAsync(user.ToCallerOrAnonymous(), id, cancellationToken);
        var run = await reader.GetAsync(id, cancellationToken);
        return outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(run!),
            CancelOutcome.Requested => TypedResults.Accepted($"{ResourceRoute.Runs.Prefix}/{id}", run!),
            CancelOutcome.Forbidden => TypedResults.Problem(
                title: "You may not cancel this run.",
                detail: "A runner cancels only the runs it submitted; an admin cancels any.",
                statusCode: StatusCodes.Status403Forbidden),
            CancelOutcome.AlreadyFinished => TypedResults.Problem(
                title: "The run has already finished.",
                detail: $"Run {id} is {run?.State}; only queued or running runs can be cancelled.",
                statusCode: StatusCodes.Status409Conflict),
            _ => RunNotFound(id),
        };
    }

    public static async Task<Results<Ok<RunDto>, ValidationProblem, ProblemHttpResult>> LabelRunAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, RunLabels labels, RunReader reader, CancellationToken cancellationToken)
    {
        var (body, errors) = await LabelRunRequest.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The name or note is invalid.");
        }

        return await labels.UpdateAsync(user.ToCallerOrAnonymous(), id, body.Name, body.Note, cancellationToken) switch
        {
            LabelOutcome.Updated => TypedResults.Ok((await reader.GetAsync(id, cancellationToken))!),
            LabelOutcome.Forbidden => TypedResults.Problem(
                title: "You may not label this run.",
                detail: "A runner names and annotates only the runs it submitted; an admin any.",
                statusCode: StatusCodes.Status403Forbidden),
            _ => RunNotFound(id),
        };
    }

    internal static ProblemHttpResult RunNotFound(Guid id) =>
        TypedResults.Problem(title: "No such run.", detail: $"There is no run with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
