using BusFlow.Bus.Calendar;
using BusFlow.Engine.Reminders;
using NodaTime;

namespace BusFlow.Bus.Tests.Reminders;

/// <summary>The engine's reminder schedule on the Swedish working-day calendar, in Stockholm time.</summary>
public sealed class SwedishReminderScheduleTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
    private static readonly SwedishWorkingDayCalendar Calendar = new();

    private static readonly ReminderPolicy Policy = new()
    {
        WorkingDaysBefore = [7, 2],
        OnDueDate = true,
        EveryWorkingDaysAfter = 3,
        MaxAfter = 2,
        EscalateTo = ["ViceChair", "Secretary"],
    };

    [Fact]
    public void Reminders_around_christmas_skip_julafton_the_holidays_nyarsafton_and_trettondedagen()
    {
        var created = Instant.FromUtc(2026, 12, 1, 9, 0);

        var reminders = ReminderSchedule.Compute(Policy, new LocalDate(2026, 12, 28), created, Calendar, Stockholm);

        // Worked out by hand: 24 Dec (julafton), 25–26 Dec, 31 Dec (nyårsafton), 1 Jan and 6 Jan are not working days.
        Assert.Equal(
        [
            (new LocalDate(2026, 12, 15), ReminderKind.BeforeDue),
            (new LocalDate(2026, 12, 22), ReminderKind.BeforeDue),
            (new LocalDate(2026, 12, 28), ReminderKind.OnDue),
            (new LocalDate(2027, 1, 4), ReminderKind.Overdue),
            (new LocalDate(2027, 1, 8), ReminderKind.Overdue),
            (new LocalDate(2027, 1, 13), ReminderKind.Escalation),
        ], reminders.Select(r => (r.Day, r.Kind)));
        Assert.All(reminders, r => Assert.Equal(new LocalTime(8, 0), r.At.InZone(Stockholm).TimeOfDay));
        Assert.All(reminders, r => Assert.True(Calendar.IsWorkingDay(r.Day)));
    }

    [Fact]
    public void Reminders_keep_eight_oclock_local_time_across_the_change_to_summer_time()
    {
        var reminders = ReminderSchedule.Compute(Policy with { EscalateTo = [], MaxAfter = 0 }, new LocalDate(2026, 3, 31), Instant.FromUtc(2026, 3, 1, 9, 0), Calendar, Stockholm);

        Assert.Equal(
        [
            Instant.FromUtc(2026, 3, 20, 7, 0), // Friday, 7 working days before, winter time (+01:00)
            Instant.FromUtc(2026, 3, 27, 7, 0), // Friday before the change
            Instant.FromUtc(2026, 3, 31, 6, 0), // Tuesday, summer time (+02:00)
        ], reminders.Select(r => r.At));
    }

    [Fact]
    public void Reminders_already_past_when_the_task_is_created_are_left_out()
    {
        var created = new LocalDateTime(2026, 12, 23, 12, 0).InZoneStrictly(Stockholm).ToInstant();

        var reminders = ReminderSchedule.Compute(Policy, new LocalDate(2026, 12, 28), created, Calendar, Stockholm);

        Assert.Equal(ReminderKind.OnDue, reminders[0].Kind);
        Assert.Equal(4, reminders.Count);
    }

    [Fact]
    public void A_due_date_on_a_holiday_is_reminded_on_the_next_working_day()
    {
        var reminders = ReminderSchedule.Compute(Policy with { WorkingDaysBefore = [], EveryWorkingDaysAfter = 0 }, new LocalDate(2026, 6, 19), Instant.FromUtc(2026, 6, 1, 0, 0), Calendar, Stockholm);

        Assert.Equal(new LocalDate(2026, 6, 22), Assert.Single(reminders).Day);
    }

    [Theory]
    [InlineData(2026, 11, 28, 3, 0, 2026, 11, 30, 8, 0)]   // Saturday night → Monday 08:00
    [InlineData(2026, 6, 19, 10, 0, 2026, 6, 22, 8, 0)]    // midsommarafton → Monday after midsommar
    [InlineData(2026, 11, 24, 16, 59, 2026, 11, 24, 16, 59)] // inside the window: at once
    [InlineData(2026, 11, 24, 17, 0, 2026, 11, 25, 8, 0)]  // the window has closed → next morning
    [InlineData(2026, 11, 24, 6, 30, 2026, 11, 24, 8, 0)]  // before the window → this morning at 08:00
    public void A_message_due_outside_the_window_waits_for_the_next_window_on_a_working_day(
        int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        var now = new LocalDateTime(y, mo, d, h, mi).InZoneStrictly(Stockholm).ToInstant();

        var moment = ReminderSchedule.NextSendMoment(now, ReminderPolicy.Default, Calendar, Stockholm);

        Assert.Equal(new LocalDateTime(ey, emo, ed, eh, emi), moment.InZone(Stockholm).LocalDateTime);
    }
}
