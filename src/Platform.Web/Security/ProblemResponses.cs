using Microsoft.AspNetCore.Mvc;

namespace Platform.Web.Security;

/// <summary>401 and 403 as problem documents, for API and hub clients (the dashboard gets redirects instead).</summary>
internal static class ProblemResponses
{
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/openapi");

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"platform\"";
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    public static Task UnauthorizedAsync(HttpContext context, string? detail = null) => WriteAsync(context, StatusCodes.Status401Unauthorized,
        "Authentication required.",
        detail ?? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'. An admin creates keys on the dashboard's API keys page or with 'keys create'.");

    public static Task ForbiddenAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status403Forbidden,
        "Your role does not allow this.",
        "Viewers read; runners also submit and cancel their own runs; admins do everything.");
}
