using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Experiments.Contract;

namespace Platform.Experiments;

public static class ExperimentsServiceCollectionExtensions
{
    /// <summary>Registers every experiment family this assembly ships.</summary>
    public static IServiceCollection AddPlatformExperiments(this IServiceCollection services)
    {
        services.TryAddSingleton<FamilyCatalog>();
        services.AddExperiment<HardwareProfile.HardwareProfileExperiment>();
        services.AddExperiment<ServingThroughput.ServingThroughputExperiment>();
        services.AddExperiment<CommOverlap.CommOverlapExperiment>();
        services.AddExperiment<TextEntry.TextEntryExperiment>();
        services.AddExperiment<EdgeOffload.EdgeOffloadExperiment>();
        services.AddExperiment<FederatedPrompt.FederatedPromptExperiment>();
        // Web and workers both call this; each built-in needs registering once.
        IEnumerable<BuiltInDataset> builtIns = [Catalog.HardwareCatalogDataset.BuiltIn, .. RealData.RealDatasets.All(RealData.RealDataFiles.Default)];
        foreach (var dataset in builtIns)
        {
            if (!services.Any(d => d.ImplementationInstance is BuiltInDataset known && known.Name == dataset.Name))
            {
                services.AddSingleton(dataset);
            }
        }

        return services;
    }

    public static IServiceCollection AddExperiment<TExperiment>(this IServiceCollection services)
        where TExperiment : class, IExperiment
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExperiment, TExperiment>());
        return services;
    }
}
