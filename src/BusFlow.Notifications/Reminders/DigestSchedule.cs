using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Calendars;

namespace BusFlow.Notifications.Reminders;

/// <summary>
/// When the weekly digest goes out: on the first working day of each ISO week (Monday, or Tuesday
/// after Easter Monday, …) at the start of the reminder window, in the installation's zone.
/// </summary>
public sealed class DigestSchedule(IWorkingDayCalendar calendar, DateTimeZone zone, LocalTime sendAt)
{
    public static readonly LocalTime DefaultSendAt = new(8, 0);

    public DateTimeZone Zone => zone;

    /// <summary>The week a moment falls in, as used in once-only keys: "2026-W48".</summary>
    public string WeekOf(Instant at)
    {
        var date = at.InZone(zone).Date;
        var rule = WeekYearRules.Iso;
        return $"{rule.GetWeekYear(date):D4}-W{rule.GetWeekOfWeekYear(date):D2}";
    }

    /// <summary>When the digest of the week containing <paramref name="at"/> goes out.</summary>
    public Instant MomentOfWeek(Instant at)
    {
        var date = at.InZone(zone).Date;
        var monday = date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        return calendar.OnOrNextWorkingDay(monday).At(sendAt).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>The first digest moment after <paramref name="now"/>.</summary>
    public Instant NextAfter(Instant now)
    {
        var thisWeek = MomentOfWeek(now);
        return thisWeek > now ? thisWeek : MomentOfWeek(now.InZone(zone).Date.Plus(Period.FromWeeks(1)).AtStartOfDayInZone(zone).ToInstant());
    }
}
