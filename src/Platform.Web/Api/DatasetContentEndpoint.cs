using Microsoft.Net.Http.Headers;
using Platform.Core.Datasets;

namespace Platform.Web.Api;

/// <summary>Streams a dataset's bytes a chunk at a time, with its length up front and its hash as the ETag.</summary>
public static class DatasetContentEndpoint
{
    public static async Task<IResult> GetContentAsync(Guid id, HttpContext context, DatasetReader datasets, CancellationToken cancellationToken)
    {
        if (await datasets.OpenAsync(id, cancellationToken) is not var (dataset, content))
        {
            return DatasetsApi.NotFound(id);
        }

        await using (content)
        {
            // The content never changes under an id (it is addressed by its hash), so the hash is a strong ETag.
            var etag = new EntityTagHeaderValue($"\"{dataset.Sha256}\"");
            context.Response.Headers.ETag = etag.ToString();
            if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match
                && match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(etag, useStrongComparison: false)))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.ContentType = ContentType(dataset.Format);
            context.Response.ContentLength = dataset.Size;
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = FileName(dataset),
            }.ToString();
            await content.CopyToAsync(context.Response.Body, 81920, cancellationToken);
            return TypedResults.Empty;
        }
    }

    private static string ContentType(string format) => format switch
    {
        "json" or "mnist-json" => "application/json",
        "csv" => "text/csv",
        "text" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static string FileName(DatasetInfo dataset) =>
        Path.HasExtension(dataset.Name) ? dataset.Name : $"{dataset.Name}.{dataset.Format}";
}
