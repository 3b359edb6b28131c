using System.Globalization;

namespace Platform.Web.Api;

/// <summary>
/// Marks a group of endpoints as a deprecated alias: <c>deprecated: true</c> in the OpenAPI document, and on every
/// response a <c>Deprecation</c> header (RFC 9745: the date it was deprecated) with a <c>Link</c> to the successor.
/// </summary>
public static class DeprecatedPath
{
    /// <summary>When the former names were deprecated: the release that introduced the run vocabulary.</summary>
    public static readonly DateTimeOffset Since = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static string DeprecationHeaderValue { get; } = "@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static RouteGroupBuilder MarkDeprecated(this RouteGroupBuilder group, string prefix, string successorPrefix)
    {
        group.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Deprecated = true;
            operation.Description = $"Deprecated: use {successorPrefix} instead; this path is served for one release. {operation.Description}".TrimEnd();
            return Task.CompletedTask;
        });
        group.AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            var path = http.Request.Path.Value ?? prefix;
            http.Response.Headers["Deprecation"] = DeprecationHeaderValue;
            http.Response.Headers.Append("Link", $"<{successorPrefix}{path[Math.Min(prefix.Length, path.Length)..]}>; rel=\"successor-version\"");
            return next(context);
        });
        return group;
    }
}
