using System.Text.Json.Serialization;
using MudBlazor.Services;
using Platform.Core.Events;
using Platform.Core.Hosting;
using Platform.Experiments;
using Platform.Web.Api;
using Platform.Web.Datasets;
using Platform.Web.Hubs;
using Platform.Web.Runs;
using Platform.Web.Security;

namespace Platform.Web;

public static class WebServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPlatformWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddPlatformSecurity();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Platform API";
            document.Info.Description = "Queue experiment runs, follow their state and read their metrics. Live events: SignalR hub at /hubs/runs.";
            return Task.CompletedTask;
        }).DescribeRunSummary());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton<RunSubmissionService>();
        services.AddOptions<Studies.StudyLimitsOptions>().BindConfiguration(Studies.StudyLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Studies.StudySubmissionService>();
        services.AddSingleton<Studies.ScoreboardService>();
        services.AddPlatformWebDatasets();
        services.AddSingleton<Compare.ComparisonService>();
        services.AddSingleton<Live.LiveRunFeeds>();
        // The families are what submissions are checked against and what the dashboard shows, in every role.
        services.AddPlatformExperiments();
        if (builder.Configuration.GetPlatformRole().ServesWeb())
        {
            // Run events from other processes (a worker's points and states) reach this one's hub and dashboard.
            services.AddLiveFeed();
            services.AddHostedService<HubForwarder>();
            services.AddSingleton<HubConnectionRevalidator>();
            services.AddHostedService(sp => sp.GetRequiredService<HubConnectionRevalidator>());
            // Only the process serving the API registers built-in datasets (after the migrator: hosted services start in
            // order). A worker storing megabytes while it starts would hold its start-up, and a stop then cannot hand
            // back the run it has already claimed; submissions register what a run reads in any case.
            services.AddHostedService<Platform.Workers.Datasets.BuiltInDatasetRegistrar>();
        }
        return builder;
    }

    private static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        // A diverged run logs NaN; clients get it as "NaN" rather than a failed response.
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }
}
