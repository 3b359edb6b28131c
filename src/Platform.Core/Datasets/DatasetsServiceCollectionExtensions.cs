using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Datasets;

public static class DatasetsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformDatasets(this IServiceCollection services)
    {
        services.AddSingleton<DatasetWriter>();
        services.AddSingleton<DatasetReader>();
        services.AddSingleton<DatasetDeleter>();
        services.AddSingleton<DatasetReferences>();
        return services;
    }
}
