using BusFlow.Engine.Runtime;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusFlow.Storage.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// Registers Hangfire with the configured job storage, a Hangfire server, <see cref="ITimerScheduler"/>
    /// as <see cref="HangfireTimerScheduler"/>, <see cref="TimerJobs"/> and the <see cref="JobsStartup"/>
    /// hosted service. The host registers <see cref="WorkflowRuntime"/> and the workflow storage.
    /// </summary>
    public static IServiceCollection AddBusFlowJobs(this IServiceCollection services, JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(options);

        // This container's own storage and activator, registered before AddHangfire so that it does not
        // fall back to Hangfire's process-wide JobStorage.Current and JobActivator.Current: two hosts in
        // one process (tests) then keep to their own jobs.
        services.AddSingleton(provider => HangfireStorageFactory.Create(options, provider));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));

        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>())
            .UseLogProvider(new TolerantHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));

        services.AddSingleton<HangfireTimerScheduler>();
        services.AddSingleton<ITimerScheduler>(provider => provider.GetRequiredService<HangfireTimerScheduler>());
        services.AddTransient<TimerJobs>();
        services.AddTransient<RoleHandOverJob>();

        // Before the server, so the sweep is registered by the time the server starts working.
        services.AddHostedService<JobsStartup>();
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });

        return services;
    }
}
