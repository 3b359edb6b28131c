using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Core.Datasets;
using Platform.Web.Security;

namespace Platform.Web.Datasets;

/// <summary>
/// Reads a multipart upload section by section: the text fields (bounded) into memory, the one file part straight
/// into an <see cref="DatasetUpload"/>, so the request is never held whole. Fields may come before or after the file.
/// </summary>
public sealed class DatasetUploadReader(DatasetWriter writer, IOptions<LimitsOptions> limits)
{
    /// <summary>Room for the text fields and part headers on top of the file (the licence is the largest field).</summary>
    public const long FieldAllowance = 1 << 20;

    public const string FileField = "file";

    private static readonly string[] s_fields = ["name", "format", "licence", "description", "source"];

    public async Task<DatasetUploadResult> ReadAsync(HttpRequest request, string? owner, CancellationToken cancellationToken)
    {
        var max = limits.Value.MaxDatasetBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Only this endpoint takes bodies this large; everything else keeps Limits:MaxRequestBodyBytes.
            size.MaxRequestBodySize = max + FieldAllowance;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return DatasetUploadResult.Invalid(FileField, "Send the dataset as multipart/form-data with a 'file' part.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        DatasetUpload? upload = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
                {
                    return DatasetUploadResult.Invalid(FileField, "Each part needs a Content-Disposition with a name.");
                }

                if (name == FileField)
                {
                    if (upload is not null)
                    {
                        return DatasetUploadResult.Invalid(FileField, "Send one file per dataset.");
                    }

                    fileName = disposition.FileName.Value ?? disposition.FileNameStar.Value;
                    upload = await writer.BeginAsync(max, cancellationToken);
                    await upload.WriteAsync(section.Body, cancellationToken);
                }
                else if (s_fields.Contains(name) && !fields.ContainsKey(name))
                {
                    fields[name] = await ReadTextAsync(section.Body, DatasetRules.MaxLicenceLength + 1, cancellationToken);
                }
                else
                {
                    return DatasetUploadResult.Invalid(name.Length <= 64 ? name : FileField,
                        $"Unknown or repeated field. Send {FileField} once and any of: {string.Join(", ", s_fields)}.");
                }
            }

            if (upload is null)
            {
                return DatasetUploadResult.Invalid(FileField, "The upload has no 'file' part.");
            }

            var metadata = new DatasetMetadata(
                fields.GetValueOrDefault("name") ?? Path.GetFileName(fileName) ?? "", fields.GetValueOrDefault("format") ?? "",
                fields.GetValueOrDefault("licence") ?? "", fields.GetValueOrDefault("description"), fields.GetValueOrDefault("source"));
            var errors = DatasetRules.Check(metadata);
            if (errors.Count > 0)
            {
                return new DatasetUploadResult(null, false, errors);
            }

            var (dataset, created) = await upload.CompleteAsync(metadata, owner, builtIn: false, cancellationToken);
            return new DatasetUploadResult(dataset, created, new Dictionary<string, string[]>());
        }
        finally
        {
            // Rolls back whatever was written unless CompleteAsync committed it.
            if (upload is not null)
            {
                await upload.DisposeAsync();
            }
        }
    }

    /// <summary>A text field, read up to <paramref name="maxChars"/> characters (a longer one is cut there and fails the length rule).</summary>
    private static async Task<string> ReadTextAsync(Stream body, int maxChars, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var text = new StringBuilder();
        while (text.Length < maxChars && await reader.ReadAsync(buffer, cancellationToken) is var read and > 0)
        {
            text.Append(buffer, 0, Math.Min(read, maxChars - text.Length));
        }

        return text.ToString();
    }
}
