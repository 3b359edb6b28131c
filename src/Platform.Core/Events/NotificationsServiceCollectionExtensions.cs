using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Events;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (a singleton, also resolvable as itself) for its channel, and the one
    /// <see cref="NotificationListener"/> of the process if nothing registered it yet: its place among the hosted
    /// services is that of the first handler's registration.
    /// </summary>
    public static IServiceCollection AddNotificationHandler<THandler>(this IServiceCollection services)
        where THandler : class, INotificationHandler
    {
        services.TryAddSingleton<THandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationHandler, THandler>(sp => sp.GetRequiredService<THandler>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationListener>());
        return services;
    }

    /// <summary>
    /// The live feed: run events raised by other processes reach this process's <see cref="RunEventBus"/> (and so its
    /// hub and dashboard). Only a process that serves them needs it.
    /// </summary>
    public static IServiceCollection AddLiveFeed(this IServiceCollection services) =>
        services.AddNotificationHandler<RunEventRelay>();
}
