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
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o.WithTitle("Platform API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
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
        app.MapWorkersApi();
        app.MapStatsApi();
        app.MapHub<RunsHub>(RunsHub.Path).RequireAuthorization(Policies.Viewer);
        return app;
    }
}
