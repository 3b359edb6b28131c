using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.Web.Security;
using Platform.Web.Studies;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Api;

public static class StudiesApi
{
    public const string Prefix = "/api/v1/studies";

    private const string StatisticsNote =
        " Per point, each summary metric is given as mean, sample s.d., n and a 95% confidence interval of the mean: Student's t with n − 1"
        + " degrees of freedom for n < 30, the normal 1.96 from 30 on; no s.d. or interval below two values. Per predicted claim, the"
        + " interval judged (range) is that interval widened by the assumptions' plausible ranges; the verdict is Supported only if it"
        + " lies wholly inside the paper's band, Contradicted if wholly outside, Inconclusive otherwise.";

    public static RouteGroupBuilder MapStudiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).WithTags("Studies");
        group.MapPost("/", SubmitStudyAsync).WithName("SubmitStudy")
            .WithSummary("Queue a study: a family's base parameters, a sweep (grid and/or sample) and seeds per point")
            .WithDescription("Every point is bound by the family's parameter binder first; a bad value gets 400 naming its sweep path"
                + " (e.g. sweep.grid.rounds[2]) and nothing is queued. Runs get seeds derived from the study's seed; replicate j uses the"
                + " same seed at every point. Idempotency-Key works as for runs.")
            .Accepts<SubmitStudyRequest>("application/json")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Runner)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.SubmissionRateLimit);
        group.MapGet("/", ListStudiesAsync).WithName("ListStudies").WithSummary("Studies, newest first, with their progress and state");
        group.MapGet("/{id:guid}", GetStudyAsync).WithName("GetStudy").WithSummary("One study with its progress and the state its runs give it");
        group.MapGet("/{id:guid}/runs", GetStudyRunsAsync).WithName("GetStudyRuns").WithSummary("The study's runs, by point then seed replicate");
        group.MapGet("/{id:guid}/aggregates", GetAggregatesAsync).WithName("GetStudyAggregates")
            .WithSummary("Metrics and claims per point over seeds, and metric-vs-parameter series").WithDescription(StatisticsNote.Trim());
        group.MapGet("/{id:guid}/aggregates.csv", GetAggregatesCsvAsync).WithName("GetStudyAggregatesCsv")
            .WithSummary("The aggregates as CSV: one row per point and metric, then per point and claim").WithDescription(StatisticsNote.Trim())
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapPost("/{id:guid}/cancel", CancelStudyAsync).WithName("CancelStudy")
            .WithSummary("Cancel the study's unfinished runs (runners: only their own studies)")
            .RequireAuthorization(Policies.Runner);
        group.MapPost("/{id:guid}/runs/{runId:guid}/retry", RetryRunAsync).WithName("RetryStudyRun")
            .WithSummary("Run a failed or cancelled run of the study again: a new run with the same parameters and seed takes its place")
            .WithDescription("201 with the new run; the failed run stays listed with its history. 409 when the run has not failed"
                + " or the study was cancelled. Runners: only their own studies.")
            .RequireAuthorization(Policies.Runner);
        routes.MapGet("/api/v1/scoreboard", GetScoreboardAsync).WithTags("Studies").WithName("GetScoreboard")
            .WithSummary("One row per paper claim across families, from each family's latest headline study").WithDescription(StatisticsNote.Trim());
        return group;
    }

    public static async Task<Results<Created<StudyDto>, Ok<StudyDto>, ValidationProblem, ProblemHttpResult>> SubmitStudyAsync(
        HttpRequest request,
        [FromHeader(Name = RunsApi.IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        StudySubmissionService submissions,
        CancellationToken cancellationToken)
    {
        // As for runs: a body not declared JSON could be a cross-site "simple" request.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "The body must be JSON.", detail: "Send the study with 'Content-Type: application/json'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (body, errors) = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The study is invalid.");
        }

        var result = await submissions.SubmitAsync(user.ToCallerOrAnonymous(), body, idempotencyKey, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status);
        }

        if (result.Study is null)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The study is invalid.");
        }

        return result.Created ? TypedResults.Created($"{Prefix}/{result.Study.Id}", result.Study) : TypedResults.Ok(result.Study);
    }

    public static async Task<Results<Ok<StudyList>, ValidationProblem>> ListStudiesAsync(
        string? kind, string? page, string? pageSize, StudyReader reader, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = Whole(page, 1, RunFilter.MaxPage, "page", errors) ?? 1;
        var size = Whole(pageSize, 1, StudyReader.MaxPageSize, "pageSize", errors) ?? 50;
        if (QueryValue.HasNul(kind))
        {
            errors["kind"] = [QueryValue.NulMessage("kind")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await reader.ListAsync(string.IsNullOrWhiteSpace(kind) ? null : kind, pageNumber, size, cancellationToken));
    }

    public static async Task<Results<Ok<StudyDto>, ProblemHttpResult>> GetStudyAsync(Guid id, StudyReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } study ? TypedResults.Ok(study) : StudyNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<RunDto>>, ProblemHttpResult>> GetStudyRunsAsync(
        Guid id, StudyReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is null ? StudyNotFound(id) : TypedResults.Ok(await reader.RunsAsync(id, cancellationToken));

    public static async Task<Results<Ok<StudyAggregates>, ProblemHttpResult>> GetAggregatesAsync(
        Guid id, StudyReader reader, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(id, cancellationToken) is not { } study)
        {
            return StudyNotFound(id);
        }

        return TypedResults.Ok(StudyAggregator.Aggregate(study, await reader.ResultsAsync(id, cancellationToken)));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> GetAggregatesCsvAsync(
        Guid id, HttpContext http, StudyReader reader, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(id, cancellationToken) is not { } study)
        {
            return StudyNotFound(id);
        }

        var aggregates = StudyAggregator.Aggregate(study, await reader.ResultsAsync(id, cancellationToken));
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"study-{id:N}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body);
        await StudyAggregatesCsv.WriteAsync(aggregates, writer, cancellationToken);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<StudyDto>, Accepted<StudyDto>, ProblemHttpResult>> CancelStudyAsync(
        Guid id, ClaimsPrincipal user, StudyCanceller canceller, StudyReader reader, CancellationToken cancellationToken)
    {
        var outcome = await canceller.CancelAsync(user.ToCallerOrAnonymous(), id, cancellationToken);
        var study = await reader.GetAsync(id, cancellationToken);
        return outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(study!),
            CancelOutcome.Requested => TypedResults.Accepted($"{Prefix}/{id}", study!),
            CancelOutcome.Forbidden => TypedResults.Problem(
                title: "You may not cancel this study.",
                detail: "A runner cancels only the studies it submitted; an admin cancels any.",
                statusCode: StatusCodes.Status403Forbidden),
            CancelOutcome.AlreadyFinished => TypedResults.Problem(
                title: "The study has already finished.",
                detail: $"Study {id} is {study?.State}; none of its runs is queued or running.",
                statusCode: StatusCodes.Status409Conflict),
            _ => StudyNotFound(id),
        };
    }

    public static async Task<Results<Created<RunDto>, ProblemHttpResult>> RetryRunAsync(
        Guid id, Guid runId, ClaimsPrincipal user, StudyRunRetrier retrier, RunReader runs, CancellationToken cancellationToken)
    {
        var (outcome, newId) = await retrier.RetryAsync(user.ToCallerOrAnonymous(), id, runId, cancellationToken);
        return outcome switch
        {
            RetryOutcome.Retried => TypedResults.Created($"{ResourceRoute.Runs.Prefix}/{newId}", await runs.GetAsync(newId!.Value, cancellationToken)),
            RetryOutcome.Forbidden => TypedResults.Problem(
                title: "You may not retry this run.",
                detail: "A runner retries runs only of the studies it submitted; an admin any.",
                statusCode: StatusCodes.Status403Forbidden),
            RetryOutcome.NotFailed => TypedResults.Problem(
                title: "The run has not failed.",
                detail: $"Only a failed or cancelled run of study {id} can be retried; run {runId} is queued, running or succeeded.",
                statusCode: StatusCodes.Status409Conflict),
            RetryOutcome.StudyCancelled => TypedResults.Problem(
                title: "The study was cancelled.",
                detail: $"Study {id} was cancelled; its runs are not run again.",
                statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "No such run in this study.", detail: $"Study {id} has no run {runId} in its places.",
                statusCode: StatusCodes.Status404NotFound),
        };
    }

    public static async Task<Ok<IReadOnlyList<ScoreboardRow>>> GetScoreboardAsync(ScoreboardService scoreboard, CancellationToken cancellationToken) =>
        TypedResults.Ok(await scoreboard.RowsAsync(cancellationToken));

    private static async Task<(SubmitStudyRequest? Body, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var body = await JsonSerializer.DeserializeAsync<SubmitStudyRequest>(request.Body, options, cancellationToken);
            if (body is null || string.IsNullOrEmpty(body.Kind))
            {
                errors["kind"] = ["'kind' is required: the family to study."];
                return (null, errors);
            }

            return (body, errors);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            errors[field] = [$"The body is not a valid study: {ex.Message}"];
            return (null, errors);
        }
    }

    private static int? Whole(string? text, int min, int max, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{name}' must be a whole number between {min} and {max}."];
        return null;
    }

    internal static ProblemHttpResult StudyNotFound(Guid id) =>
        TypedResults.Problem(title: "No such study.", detail: $"There is no study with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
