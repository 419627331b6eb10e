using BusFlow.Bus;
using BusFlow.Engine;
using BusFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace BusFlow.Host.Hosting;

public static class HostServiceCollectionExtensions
{
    /// <summary>
    /// The engine with every activity type this host knows, and the publisher of the workflows folder.
    /// Every command that reads definitions composes them here, so they all know the same activities.
    /// </summary>
    public static IServiceCollection AddBusFlowWorkflows(this IServiceCollection services, DateTimeZone timeZone)
    {
        services.AddBusFlowEngine(new EngineOptions { TimeZone = timeZone });
        services.AddBusFlowBus();
        services.TryAddSingleton<WorkflowFolderPublisher>();
        services.TryAddSingleton<Demo.BusStartup>();
        return services;
    }
}
