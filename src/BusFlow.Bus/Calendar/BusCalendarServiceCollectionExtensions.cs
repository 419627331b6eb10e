using BusFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Bus.Calendar;

public static class BusCalendarServiceCollectionExtensions
{
    /// <summary>
    /// Makes the Swedish working-day calendar the engine's <see cref="IWorkingDayCalendar"/>,
    /// in place of any calendar registered before (the engine's weekend-only default).
    /// </summary>
    public static IServiceCollection AddSwedishWorkingDays(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IWorkingDayCalendar, SwedishWorkingDayCalendar>());
        return services;
    }
}
