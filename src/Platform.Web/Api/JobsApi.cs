using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Core.Jobs;
using Platform.Web.Jobs;
using Platform.Web.Security;

namespace Platform.Web.Api;

public static class JobsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/jobs").WithTags("Jobs");
        group.MapPost("/", SubmitJobAsync).WithName("SubmitJob").WithSummary("Queue a run of an experiment family")
            .Accepts<SubmitJobRequest>("application/json")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Runner)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.SubmissionRateLimit);
        group.MapGet("/", ListJobsAsync).WithName("ListJobs").WithSummary("Jobs filtered by state, kind, tag and text (q), sorted and paged in the database");
        group.MapGet("/{id:guid}", GetJobAsync).WithName("GetJob").WithSummary("One job with its parameters, state and summary");
        group.MapPost("/{id:guid}/cancel", CancelJobAsync).WithName("CancelJob").WithSummary("Cancel a queued or running job (runners: only their own)")
            .RequireAuthorization(Policies.Runner);
        return group;
    }

    public static async Task<Results<Created<JobDto>, Ok<JobDto>, ValidationProblem, ProblemHttpResult>> SubmitJobAsync(
        HttpRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        JobSubmissionService submissions,
        CancellationToken cancellationToken)
    {
        // Routing answers 415 to a body declared as anything else, but lets one with no Content-Type through. Refusing
        // that too keeps out cross-site "simple" requests, which may carry JSON without declaring it.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "The body must be JSON.", detail: "Send the submission with 'Content-Type: application/json'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (body, errors) = await SubmitJobRequestReader.ReadAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The submission is invalid.");
        }

        var result = await submissions.SubmitAsync(body, idempotencyKey, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status);
        }

        if (result.Job is null)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The submission is invalid.");
        }

        var location = $"/api/v1/jobs/{result.Job.Id}";
        return result.Created ? TypedResults.Created(location, result.Job) : TypedResults.Ok(result.Job);
    }

    public static async Task<Results<Ok<JobList>, ValidationProblem>> ListJobsAsync(
        [AsParameters] JobListQuery query, JobReader reader, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await reader.ListAsync(query.ToFilter(), cancellationToken));
    }

    public static async Task<Results<Ok<JobDto>, ProblemHttpResult>> GetJobAsync(Guid id, JobReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } job ? TypedResults.Ok(job) : JobNotFound(id);

    public static async Task<Results<Ok<JobDto>, Accepted<JobDto>, ProblemHttpResult>> CancelJobAsync(
        Guid id, JobQueue queue, JobReader reader, CancellationToken cancellationToken)
    {
        var outcome = await queue.RequestCancelAsync(id, cancellationToken);
        var job = await reader.GetAsync(id, cancellationToken);
        return outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(job!),
            CancelOutcome.Requested => TypedResults.Accepted($"/api/v1/jobs/{id}", job!),
            CancelOutcome.Forbidden => TypedResults.Problem(
                title: "You may not cancel this job.",
                detail: "A runner cancels only the jobs it submitted; an admin cancels any.",
                statusCode: StatusCodes.Status403Forbidden),
            CancelOutcome.AlreadyFinished => TypedResults.Problem(
                title: "The job has already finished.",
                detail: $"Job {id} is {job?.State}; only queued or running jobs can be cancelled.",
                statusCode: StatusCodes.Status409Conflict),
            _ => JobNotFound(id),
        };
    }

    internal static ProblemHttpResult JobNotFound(Guid id) =>
        TypedResults.Problem(title: "No such job.", detail: $"There is no job with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
