namespace Platform.Web.Security;

/// <summary>
/// Headers on every response. The CSP allows what Blazor, MudBlazor and Plotly need from this origin: scripts only from
/// here (no eval), inline styles (MudBlazor and Plotly set style attributes), data:/blob: images (chart PNG export),
/// and the circuit's WebSocket. The one inline script, Blazor's import map, carries a per-request nonce.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "platform:csp-nonce";

    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce this response's CSP allows, for the page's inline script.</summary>
    public static string? NonceOf(HttpContext context) => context.Items[NonceKey] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
