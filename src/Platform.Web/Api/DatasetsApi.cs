using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Platform.Core.Datasets;
using Platform.Web.Datasets;
using Platform.Web.Security;

namespace Platform.Web.Api;

/// <summary>Datasets: files stored once by their SHA-256, which runs read through dataset parameters.</summary>
public static class DatasetsApi
{
    public const string Prefix = "/api/v1/datasets";

    public const int MaxListedUses = 200;

    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).WithTags("Datasets");
        group.MapPost("/", UploadDatasetAsync).WithName("UploadDataset")
            .WithSummary("Upload a file as a dataset (multipart/form-data: file, name, format, licence, description); the same bytes again return the existing dataset")
            .Accepts<DatasetUploadForm>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Runner)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.SubmissionRateLimit);
        group.MapGet("/", ListDatasetsAsync).WithName("ListDatasets").WithSummary("Every dataset, newest first; format=a,b keeps those formats");
        group.MapGet("/{id:guid}", GetDatasetAsync).WithName("GetDataset").WithSummary("One dataset: name, format, size, SHA-256, licence, source");
        group.MapGet("/{id:guid}/runs", ListDatasetRunsAsync).WithName("ListDatasetRuns").WithSummary("The runs that used a dataset, newest first");
        group.MapGet("/{id:guid}/content", DatasetContentEndpoint.GetContentAsync).WithName("GetDatasetContent")
            .WithSummary("Download the bytes (streamed; ETag is the SHA-256, If-None-Match answers 304)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteDatasetAsync).WithName("DeleteDataset")
            .WithSummary("Delete a dataset no run used (runners: only their own)")
            .RequireAuthorization(Policies.Runner);
        routes.MapGet("/api/v1/runs/{id:guid}/datasets", ListRunDatasetsAsync).WithTags("Datasets").WithName("ListRunDatasets")
            .WithSummary("The datasets a run read: through which parameter (and, for built-in data, what for), with the hash recorded at submission and the licence");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<RunDatasetInfo>>, ProblemHttpResult>> ListRunDatasetsAsync(
        Guid id, DatasetReader datasets, CancellationToken cancellationToken) =>
        await datasets.OfExistingRunAsync(id, cancellationToken) is { } used
            ? TypedResults.Ok(used)
            : TypedResults.Problem(title: "No such run.", detail: $"There is no run with id {id}.", statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<Created<DatasetInfo>, Ok<DatasetInfo>, ValidationProblem, ProblemHttpResult>> UploadDatasetAsync(
        HttpRequest request, ClaimsPrincipal user, DatasetUploadReader uploads, CancellationToken cancellationToken)
    {
        DatasetUploadResult result;
        try
        {
            result = await uploads.ReadAsync(request, user.ToCallerOrAnonymous().Owner, cancellationToken);
        }
        catch (DatasetTooLargeException e)
        {
            return TooLarge(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge("The request body is larger than the largest dataset allowed (Limits:MaxDatasetBytes) plus its fields.");
        }
        catch (InvalidDataException e)
        {
            // Malformed multipart framing (a part's headers too long, a missing boundary).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [DatasetUploadReader.FileField] = [e.Message] }, title: "The upload is invalid.");
        }

        if (result.Dataset is not { } dataset)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The upload is invalid.");
        }

        return result.Created ? TypedResults.Created($"{Prefix}/{dataset.Id}", dataset) : TypedResults.Ok(dataset);
    }

    public static async Task<Ok<IReadOnlyList<DatasetInfo>>> ListDatasetsAsync(string? format, DatasetReader datasets, CancellationToken cancellationToken)
    {
        var formats = format?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return TypedResults.Ok(await datasets.ListAsync(formats, cancellationToken));
    }

    public static async Task<Results<Ok<DatasetInfo>, ProblemHttpResult>> GetDatasetAsync(Guid id, DatasetReader datasets, CancellationToken cancellationToken) =>
        await datasets.GetAsync(id, cancellationToken) is { } dataset ? TypedResults.Ok(dataset) : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<DatasetUse>>, ProblemHttpResult>> ListDatasetRunsAsync(
        Guid id, DatasetReader datasets, CancellationToken cancellationToken) =>
        await datasets.GetAsync(id, cancellationToken) is null
            ? NotFound(id)
            : TypedResults.Ok(await datasets.UsesAsync(id, MaxListedUses, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDatasetAsync(
        Guid id, ClaimsPrincipal user, DatasetDeleter deleter, CancellationToken cancellationToken) =>
        await deleter.DeleteAsync(user.ToCallerOrAnonymous(), id, cancellationToken) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.InUse => TypedResults.Problem(title: "The dataset is in use.",
                detail: $"Runs used dataset {id} (GET {Prefix}/{id}/runs lists them); it is kept so that they stay reproducible.",
                statusCode: StatusCodes.Status409Conflict),
            DeleteOutcome.Forbidden => TypedResults.Problem(title: "You may not delete this dataset.",
                detail: "A runner deletes only the datasets it uploaded; an admin any.", statusCode: StatusCodes.Status403Forbidden),
            _ => NotFound(id),
        };

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "No such dataset.", detail: $"There is no dataset with id {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(title: "The dataset is too large.", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>The multipart form of <c>POST /api/v1/datasets</c>, for the OpenAPI document (the body is read as a stream).</summary>
public sealed record DatasetUploadForm(IFormFile File, string Name, string Format, string Licence, string? Description, string? Source);
