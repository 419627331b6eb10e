using BusFlow.Bus;
using BusFlow.Engine;
using BusFlow.Engine.Time;
using BusFlow.Notifications;
using BusFlow.Notifications.Calendars;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace BusFlow.Host.Hosting;

public static class HostServiceCollectionExtensions
{
    /// <summary>
    /// The engine with every activity type this host knows (SendEmail with the default mail options
    /// unless the host gave its own), the message templates of <paramref name="templatesFolder"/> when
    /// it exists, calendar invitations, and the publisher of the workflows folder. Every command that
    /// reads definitions composes them here, so they all know the same activities.
    /// </summary>
    /// <remarks>
    /// The templates are loaded and checked when first resolved; a host resolves them at start, so
    /// a broken template stops it with every error listed, as a broken definition does.
    /// </remarks>
    public static IServiceCollection AddBusFlowWorkflows(this IServiceCollection services, DateTimeZone timeZone, string? templatesFolder = null)
    {
        services.AddBusFlowEngine(new EngineOptions { TimeZone = timeZone });
        services.AddBusFlowBus();
        services.AddBusFlowNotifications();
        services.AddSingleton<IRecipientLanguages, PersonMailLanguages>();
        if (templatesFolder is not null && Directory.Exists(templatesFolder))
        {
            services.TryAddSingleton<IMessageTemplates>(_ => new FluidMessageTemplates(templatesFolder, timeZone.Id));
        }

        services.TryAddSingleton<CalendarInvitations>();
        services.TryAddSingleton<Demo.BusStartup>();
        return services;
    }
}
