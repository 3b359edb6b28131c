using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Experiments;
using Platform.Workers.Metrics;
using Platform.Workers.Notifications;
using Platform.Workers.Queue;
using Platform.Workers.Runs;

namespace Platform.Workers;

public static class WorkersServiceCollectionExtensions
{
    public const string RoleKey = "Platform:Role";

    public static PlatformRole GetPlatformRole(this IConfiguration configuration)
    {
        var text = configuration[RoleKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return PlatformRole.All;
        }

        return Enum.TryParse<PlatformRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new InvalidOperationException($"{RoleKey} must be one of all, web, worker (got '{text}').");
    }

    /// <summary>
    /// Registers the experiment families, the notification listener and the metric pump in every role, and
    /// the runner, reaper and worker heartbeat where this process executes runs. Registration order is stop
    /// order reversed: the runner stops first, then the pump drains what the runs logged.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformWorkers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPlatformExperiments();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Runs.RunLimitsOptions>().BindConfiguration(Runs.RunLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunWakeSignal>();
        services.AddSingleton<CancelSignal>();
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<WorkerState>();
        services.AddHostedService<NotificationListener>();
        services.AddHostedService<MetricPump>();
        if (builder.Configuration.GetPlatformRole() is PlatformRole.All or PlatformRole.Worker)
        {
            services.AddSingleton<RunExecution>();
            services.AddSingleton<StuckRunWatchdog>();
            // Stopping waits for runs to reach a checkpoint, then for cancelled ones to notice, then for the writes.
            services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, workers) =>
            {
                var needed = workers.Value.CheckpointGrace + workers.Value.CancelGrace + TimeSpan.FromSeconds(10);
                host.ShutdownTimeout = needed > host.ShutdownTimeout ? needed : host.ShutdownTimeout;
            });
            services.AddHostedService<LeaseReaper>();
            services.AddHostedService<WorkerHeartbeat>();
            services.AddHostedService<RunnerWorker>();
        }

        return builder;
    }
}
