using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace BusFlow.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine's services. A host may register its own IClock, IWorkingDayCalendar,
    /// ITimerScheduler, IRoleDirectory and DocumentRules before or after this call; these defaults apply only when it does not.
    /// </summary>
    public static IServiceCollection AddBusFlowEngine(this IServiceCollection services, EngineOptions? options = null)
    {
        if (services.Any(d => d.ServiceType == typeof(WorkflowRuntime)))
        {
            return services;
        }

        services.TryAddSingleton(options ?? new EngineOptions());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IWorkingDayCalendar, WeekendOnlyCalendar>();
        services.TryAddSingleton<ITimerScheduler, NoTimerScheduler>();
        services.TryAddSingleton<IRoleDirectory, NoRoleDirectory>();
        services.TryAddSingleton(new DocumentRules(new DocumentLimits()));
        foreach (var activity in BuiltInActivities.All())
        {
            services.AddSingleton<ActivityType>(activity);
        }

        services.TryAddSingleton(sp => new ActivityRegistry(sp.GetServices<ActivityType>()));
        services.TryAddSingleton<DefinitionLoader>();
        services.TryAddSingleton<DefinitionCatalog>();
        services.TryAddSingleton<WorkflowFolderStatus>();
        services.TryAddSingleton<WorkflowFolderPublisher>();
        services.TryAddSingleton<DefinitionDesigner>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddTransient<RoleTaskHandOver>();
        return services;
    }

    /// <summary>Registers a module's activity type beside the built-in ones.</summary>
    public static IServiceCollection AddBusFlowActivity<TActivity>(this IServiceCollection services)
        where TActivity : ActivityType, new() =>
        services.AddSingleton<ActivityType>(new TActivity());
}
