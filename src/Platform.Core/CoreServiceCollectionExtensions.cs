using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Core.Artifacts;
using Platform.Core.Datasets;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using Platform.Core.Persistence;
using Platform.Core.Security;
using Platform.Core.Workers;

namespace Platform.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers persistence, the queue and the metric path against <paramref name="connectionString"/>
    /// (a configured server, or the embedded cluster's).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformCore(this IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        var databaseOptions = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (databaseOptions.MigrateOnStartup)
        {
            services.AddHostedService<DatabaseMigrator>();
        }

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(ConnectionPoolDefaults.Apply(connectionString)) { Name = "platform" }.Build());
        services.AddDbContextFactory<PlatformDbContext>((sp, options) => options.UsePlatformDatabase(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<RunEventBus>();
        services.AddSingleton<RunEventPublisher>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunReader>();
        services.AddSingleton<RunLabels>();
        services.AddSingleton<Studies.StudyStore>();
        services.AddSingleton<Studies.StudyReader>();
        services.AddSingleton<Studies.StudyCanceller>();
        services.AddSingleton<Studies.StudyRunRetrier>();
        services.AddSingleton<RunThroughputReader>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<MetricChannel>();
        services.AddSingleton<MetricCopyWriter>();
        services.AddSingleton<MetricSeriesReader>();
        services.AddSingleton<ArtifactStore>();
        services.AddPlatformDatasets();
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<WorkerReader>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAccountService>();
        return builder;
    }
}
