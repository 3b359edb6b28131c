using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Platform.Web.Api;
using Platform.Web.Components;
using Platform.Web.Hubs;
using Platform.Workers;

namespace Platform.Web;

public static class WebApplicationExtensions
{
    /// <summary>The request pipeline and every endpoint, in one readable list.</summary>
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        if (app.Configuration.GetPlatformRole() == PlatformRole.Worker)
        {
            // A worker process only runs jobs; it answers health probes and nothing else.
            return app;
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Platform API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapExperimentsApi();
        app.MapJobsApi();
        app.MapMetricsApi();
        app.MapRunOutputsApi();
        app.MapComparisonsApi();
        app.MapWorkersApi();
        app.MapStatsApi();
        app.MapHub<RunsHub>(RunsHub.Path);
        return app;
    }
}
