using BusFlow.Engine.Runtime;
using BusFlow.Hangfire.Mail;
using BusFlow.Hangfire.Roles;
using BusFlow.Hangfire.Storage;
using BusFlow.Hangfire.Telemetry;
using BusFlow.Hangfire.Timers;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Hangfire;

public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Registers Hangfire with the configured job storage, a Hangfire server, <see cref="ITimerScheduler"/>
    /// as <see cref="HangfireTimerScheduler"/> (a job per due second, with <see cref="TimerWakeupService"/> waking this node itself at the due time), the jobs (timers, outbox delivery, weekly digest, role
    /// hand-over) and the <see cref="JobsStartup"/> hosted service that puts the recurring ones on their
    /// schedule. The host registers <see cref="WorkflowRuntime"/>, the workflow storage and the notifications.
    /// </summary>
    public static IServiceCollection AddBusFlowHangfire(this IServiceCollection services, JobOptions options)
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
            .UseTypeResolver(MovedJobTypes.Resolve)
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>())
            .UseLogProvider(new TolerantHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));

        // Failed job runs are counted on the "BusFlow" meter, whoever listens.
        JobFailureCounter.Register();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<TimerWakeups>();
        services.AddSingleton<HangfireTimerScheduler>();
        services.AddSingleton<ITimerScheduler>(provider => provider.GetRequiredService<HangfireTimerScheduler>());
        services.AddTransient<TimerJobs>();
        services.AddTransient<OutboxDeliveryJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<RoleHandOverJob>();

        // Before the server, so the recurring jobs are registered by the time the server starts working.
        services.AddHostedService<JobsStartup>();
        services.AddHostedService<TimerWakeupService>();
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });

        return services;
    }
}
