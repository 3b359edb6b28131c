using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Experiments.Contract;
using Platform.Workers.Datasets;

namespace Platform.Web.Datasets;

public static class WebDatasetsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformWebDatasets(this IServiceCollection services)
    {
        services.TryAddSingleton<IDatasetReader, StoredDatasetReader>();
        services.AddSingleton<DatasetParameterCheck>();
        services.TryAddSingleton<BuiltInDatasetStore>();
        services.AddSingleton<DatasetUploadReader>();
        // Registered by the process that serves the dashboard and API, after the migrator (hosted services start in order).
        services.AddHostedService<BuiltInDatasetRegistrar>();
        return services;
    }
}
