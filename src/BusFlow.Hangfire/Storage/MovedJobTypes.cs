using BusFlow.Hangfire.Mail;
using BusFlow.Hangfire.Roles;
using BusFlow.Hangfire.Timers;
using Hangfire.Common;

namespace BusFlow.Hangfire.Storage;

/// <summary>
/// Hangfire stores each job's type by name. Jobs scheduled before BusFlow's Hangfire wiring moved into
/// this assembly name the old places; a timer job scheduled months ahead must still run, so the old
/// names resolve to the new types. Add a line here whenever a job type moves or is renamed.
/// </summary>
internal static class MovedJobTypes
{
    private static readonly Dictionary<string, Type> Moved = new(StringComparer.Ordinal)
    {
        ["BusFlow.Storage.Jobs.TimerJobs, BusFlow.Storage"] = typeof(TimerJobs),
        ["BusFlow.Storage.Jobs.RoleHandOverJob, BusFlow.Storage"] = typeof(RoleHandOverJob),
        ["BusFlow.Notifications.Delivery.OutboxDeliveryJob, BusFlow.Notifications"] = typeof(OutboxDeliveryJob),
        ["BusFlow.Notifications.Reminders.WeeklyDigestJob, BusFlow.Notifications"] = typeof(WeeklyDigestJob),
    };

    public static Type Resolve(string typeName) =>
        Moved.TryGetValue(typeName, out var moved) ? moved : TypeHelper.DefaultTypeResolver(typeName);
}
