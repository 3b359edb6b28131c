using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Platform.Web.Api;
using Platform.Web.Components;
using Platform.Web.Hubs;
using Platform.Web.Security;
using Platform.Core.Hosting;

namespace Platform.Web;

public static class WebApplicationExtensions
{
    /// <summary>The request pipeline and every endpoint, in one readable list.</summary>
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        static bool IsPageRequest(HttpContext c) => HttpMethods.IsGet(c.Request.Method)
            && !c.Request.Path.StartsWithSegments("/api")
            && c.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

        var security = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeadersFromKnownProxies(security);
        app.UseSecurityHeaders();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        if (app.Configuration.GetPlatformRole() == PlatformRole.Worker)
        {
            // A worker process only executes runs; it answers health probes and nothing else.
            return app;
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A browser asking for a page that is not there gets the app's own 404 page, inside its chrome; the API and
        // every other client keep the ProblemDetails above. Inner to it, so it answers first.
        app.UseWhen(IsPageRequest, b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseLocalModeRequestGuard();
        // Clients on this machine may use plain HTTP; anyone else is sent to HTTPS (when an HTTPS port is known).
        app.UseWhen(c => !LocalModeAuthenticationHandler.IsLoopbackClient(c), b => b.UseHttpsRedirection().UseHsts());
        app.UseStaticFiles();
        // Routing after static files, so the top-level wwwroot is served before any endpoint (and its auth) is chosen.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Its fonts come from a CDN our CSP refuses, and its "open in client" button, developer tools (share, SDK,
        // deploy), "Ask AI" agent, MCP and telemetry need scalar.com: all off, so the page works offline and logs no
        // errors (the system fonts read as well).
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o.WithTitle("Platform API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().HideClientButton().HideDeveloperTools().DisableAgent().DisableMcp().DisableTelemetry());
        foreach (var route in new[] { ResourceRoute.Families, ResourceRoute.DeprecatedExperiments })
        {
            app.MapFamiliesApi(route);
        }

        foreach (var route in new[] { ResourceRoute.Runs, ResourceRoute.DeprecatedJobs })
        {
            app.MapRunsApi(route);
            app.MapMetricsApi(route);
            app.MapRunOutputsApi(route);
        }

        app.MapComparisonsApi();
        app.MapStudiesApi();
        app.MapDatasetsApi();
        app.MapWorkersApi();
        app.MapStatsApi();
        app.MapHub<RunsHub>(RunsHub.Path).RequireAuthorization(Policies.Viewer);
        return app;
    }
}
