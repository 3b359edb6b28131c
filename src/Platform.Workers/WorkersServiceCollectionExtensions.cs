using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Events;
using Platform.Core.Hosting;
using Platform.Core.Metrics;
using Platform.Experiments;
using Platform.Workers.Queue;
using Platform.Workers.Runs;

namespace Platform.Workers;

public static class WorkersServiceCollectionExtensions
{
    /// <summary>
    /// Registers what executes runs, where this process does (<see cref="PlatformRole.All"/> or
    /// <see cref="PlatformRole.Worker"/>): the experiment families, the wake-up and cancel notifications, the metric
    /// pump, the runner, reaper and worker heartbeat. A web-only process gets nothing from here. Registration order is
    /// stop order reversed: the runner stops first, then the pump drains what the runs logged, then the listener.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformWorkers(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetPlatformRole().ExecutesRuns())
        {
            return builder;
        }

        var services = builder.Services;
        services.AddPlatformExperiments();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RunLimitsOptions>().BindConfiguration(RunLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddNotificationHandler<RunWakeSignal>();
        services.AddNotificationHandler<CancelSignal>();
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<WorkerState>();
        services.AddSingleton<ExecutionSettings>();
        services.AddSingleton<RunContextFactory>();
        services.AddSingleton<RunExecution>();
        services.AddSingleton<StuckRunWatchdog>();
        services.AddHostedService<MetricPump>();
        // Stopping waits for runs to reach a checkpoint, then for cancelled ones to notice, then for the writes.
        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, workers) =>
        {
            var needed = workers.Value.CheckpointGrace + workers.Value.CancelGrace + TimeSpan.FromSeconds(10);
            host.ShutdownTimeout = needed > host.ShutdownTimeout ? needed : host.ShutdownTimeout;
        });
        services.AddHostedService<LeaseReaper>();
        services.AddHostedService<WorkerHeartbeat>();
        services.AddHostedService<RunnerWorker>();
        return builder;
    }
}
