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
        return services;
    }
}
