using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// Against DNS rebinding in loopback development mode: a web page on attacker.example whose name the attacker
/// re-points at 127.0.0.1 reaches the app as a loopback client, so the client address proves nothing. Its requests
/// still carry <c>Host: attacker.example</c>, and its cross-origin requests an <c>Origin</c> of that site. So in local
/// mode only the loopback names are served (400 otherwise), and a state-changing request, the hub and the dashboard's
/// circuit are refused (403) when they carry an <c>Origin</c> other than the request's own.
/// </summary>
public static class LocalModeRequestGuard
{
    private static readonly string[] s_loopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public static IApplicationBuilder UseLocalModeRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LocalMode)
        {
            await next(context);
            return;
        }

        if (!IsLoopbackHost(context.Request.Host))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "Host not allowed.",
                "In loopback development mode the app answers only to localhost, 127.0.0.1 and [::1].");
            return;
        }

        if (NeedsSameOrigin(context.Request) && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsSameOrigin(origin, context.Request))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-origin request refused.",
                $"In loopback development mode only pages of this app may change anything; this request came from {origin}.");
            return;
        }

        await next(context);
    });

    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue && s_loopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase);

    private static bool NeedsSameOrigin(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        || request.Path.StartsWithSegments(Hubs.RunsHub.Path)
        || request.Path.StartsWithSegments("/_blazor");

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", HostWithoutDefaultPort(request), StringComparison.OrdinalIgnoreCase);

    private static string HostWithoutDefaultPort(HttpRequest request)
    {
        var port = request.Host.Port;
        var isDefault = port is null || (port == 80 && request.IsHttps is false) || (port == 443 && request.IsHttps);
        return isDefault ? request.Host.Host : $"{request.Host.Host}:{port}";
    }
}
