using BusFlow.Notifications.Calendars;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Host.Feeds;

public static class FeedServiceCollectionExtensions
{
    /// <summary>The BUS calendar feeds behind secret links (<see cref="CalendarFeeds"/> over <see cref="BusCalendarFeedSource"/>).</summary>
    public static IServiceCollection AddBusFlowFeeds(this IServiceCollection services)
    {
        services.TryAddSingleton<ICalendarFeedSource, BusCalendarFeedSource>();
        services.TryAddSingleton<CalendarFeeds>();
        return services;
    }
}
