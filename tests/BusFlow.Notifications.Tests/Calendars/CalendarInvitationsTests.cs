using System.Text;
using BusFlow.Notifications.Calendars;
using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Calendars;

public sealed class CalendarInvitationsTests
{
    private const string Zone = "Europe/Stockholm";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 7, 30);

    private static readonly CalendarPerson Secretary = new("sekreterare@exempelby.test", "Kim Sekreterare");

    private static readonly CalendarPerson[] Participants =
    [
        new("asa.exempelsson@exempelby.test", "Åsa Exempelsson"),
        new("orjan.testberg@exempelby.test"),
    ];

    private readonly CalendarInvitations _calendars = new(new FakeClock(Now));

    // The Monday after the change to summer time on Sunday 29 March 2026.
    private string SpringMeeting(int sequence = 0) => _calendars.MeetingRequest(
        "meeting-42@busflow.exempelby.test",
        sequence,
        "Vårmöte BUS",
        "Genomgång av det gångna året och nuläget.\nDagordning: uppdrag och insatser.",
        "Stadshuset, sal Älven",
        new LocalDateTime(2026, 3, 30, 10, 0),
        new LocalDateTime(2026, 3, 30, 12, 0),
        Zone,
        Secretary,
        Participants,
        new Uri("https://busflow.exempelby.test/meetings/42"));

    [Fact]
    public void A_meeting_request_is_METHOD_REQUEST_with_uid_sequence_and_local_times_in_Europe_Stockholm()
    {
        var text = SpringMeeting(sequence: 3);
        var calendar = Calendar.Load(text)!;

        Assert.Equal("REQUEST", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("meeting-42@busflow.exempelby.test", meeting.Uid);
        Assert.Equal(3, meeting.Sequence);
        Assert.Equal("Vårmöte BUS", meeting.Summary);
        Assert.Equal("Stadshuset, sal Älven", meeting.Location);
        Assert.Equal("Genomgång av det gångna året och nuläget.\nDagordning: uppdrag och insatser.", meeting.Description);
        Assert.Equal("CONFIRMED", meeting.Status);

        Assert.Equal(Zone, meeting.DtStart!.TzId);
        Assert.Equal((2026, 3, 30, 10, 0), (meeting.DtStart.Year, meeting.DtStart.Month, meeting.DtStart.Day, meeting.DtStart.Hour, meeting.DtStart.Minute));
        // Summer time has begun: 10:00 in Stockholm is 08:00 UTC, not 09:00.
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Equal(Zone, meeting.DtEnd!.TzId);
        Assert.Equal(12, meeting.DtEnd.Hour);
        Assert.Contains("DTSTART;TZID=Europe/Stockholm:20260330T100000\r\n", text, StringComparison.Ordinal);

        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal(Zone, timeZone.TzId);

        Assert.Equal("mailto:sekreterare@exempelby.test", meeting.Organizer!.Value!.ToString());
        Assert.Equal("Kim Sekreterare", meeting.Organizer.CommonName);
        Assert.Equal(["mailto:asa.exempelsson@exempelby.test", "mailto:orjan.testberg@exempelby.test"], meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.All(meeting.Attendees, a => Assert.True(a.Rsvp));
        Assert.Equal("Åsa Exempelsson", meeting.Attendees[0].CommonName);
        Assert.Equal(new Uri("https://busflow.exempelby.test/meetings/42"), meeting.Url);
        Assert.Equal(new DateTime(2026, 3, 2, 7, 30, 0, DateTimeKind.Utc), meeting.DtStamp!.AsUtc);
    }

    [Fact]
    public void A_winter_meeting_has_the_winter_offset()
    {
        var text = _calendars.MeetingRequest("m@test", 0, "Höstmöte", null, null, new LocalDateTime(2026, 11, 2, 10, 0), new LocalDateTime(2026, 11, 2, 11, 0), Zone, Secretary, Participants);

        var meeting = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(10, meeting.DtStart!.Hour);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.DoesNotContain("DESCRIPTION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nLOCATION", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancellation_is_METHOD_CANCEL_with_STATUS_CANCELLED_and_the_same_uid()
    {
        var text = _calendars.MeetingCancel(
            "meeting-42@busflow.exempelby.test", 4, "Vårmöte BUS", "Mötet är inställt.", "Stadshuset, sal Älven",
            new LocalDateTime(2026, 3, 30, 10, 0), new LocalDateTime(2026, 3, 30, 12, 0), Zone, Secretary, Participants);
        var calendar = Calendar.Load(text)!;

        Assert.Equal("CANCEL", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("meeting-42@busflow.exempelby.test", meeting.Uid);
        Assert.Equal(4, meeting.Sequence);
        Assert.Equal("CANCELLED", meeting.Status);
        Assert.Equal(2, meeting.Attendees.Count);
        Assert.All(meeting.Attendees, a => Assert.False(a.Rsvp));
        Assert.Contains("STATUS:CANCELLED\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_is_a_published_all_day_event_with_a_reminder_at_nine_the_day_before()
    {
        var text = _calendars.Deadline("task-7-due@busflow.exempelby.test", 1, "Sista dag: Godkänn överenskommelsen", "Svara i BusFlow.", new LocalDate(2026, 4, 15));
        var calendar = Calendar.Load(text)!;

        Assert.Equal("PUBLISH", calendar.Method);
        var deadline = Assert.Single(calendar.Events);
        Assert.Equal("task-7-due@busflow.exempelby.test", deadline.Uid);
        Assert.Equal(1, deadline.Sequence);
        Assert.True(deadline.IsAllDay);
        Assert.False(deadline.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 4, 15), deadline.DtStart.Date);
        Assert.Equal(new DateOnly(2026, 4, 16), deadline.DtEnd!.Date);
        Assert.Equal("TRANSPARENT", deadline.Transparency);
        Assert.Contains("DTSTART;VALUE=DATE:20260415\r\n", text, StringComparison.Ordinal);
        Assert.Empty(calendar.Todos);
        Assert.Null(deadline.Organizer);

        var alarm = Assert.Single(deadline.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal("Sista dag: Godkänn överenskommelsen", alarm.Description);
        Assert.True(alarm.Trigger!.IsRelative);
        Assert.Equal(-15, alarm.Trigger.Duration!.Value.Hours);
        Assert.Contains("TRIGGER:-PT15H\r\n", text, StringComparison.Ordinal);
        // Midnight of the 15th less 15 hours: 09:00 on the 14th.
        Assert.Equal(new LocalDateTime(2026, 4, 15, 0, 0).PlusHours(-15), new LocalDateTime(2026, 4, 14, 9, 0));
    }

    [Fact]
    public void A_feed_is_a_subscribable_published_calendar_without_attendees()
    {
        var entries = new CalendarEntry[]
        {
            new MeetingEntry("m1@test", 0, "Vårmöte BUS", null, "Stadshuset", new LocalDateTime(2026, 3, 30, 10, 0), new LocalDateTime(2026, 3, 30, 12, 0)),
            new MeetingEntry("m2@test", 2, "Höstmöte BUS", null, null, new LocalDateTime(2026, 10, 5, 13, 0), new LocalDateTime(2026, 10, 5, 15, 0)) { Cancelled = true },
            new DeadlineEntry("d1@test", 0, "Sista dag: beslut om prioriteringar", null, new LocalDate(2026, 12, 15)) { Url = new Uri("https://busflow.exempelby.test/tasks/9") },
        };

        var text = _calendars.Feed("BUS – Socialnämnden", entries);
        var calendar = Calendar.Load(text)!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("BUS – Socialnämnden", calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal(Zone, calendar.Properties["X-WR-TIMEZONE"]!.Value);
        Assert.Equal(["m1@test", "m2@test", "d1@test"], calendar.Events.Select(e => e.Uid));
        Assert.Equal("CANCELLED", calendar.Events["m2@test"].Status);
        Assert.Equal(2, calendar.Events["m2@test"].Sequence);
        Assert.True(calendar.Events["d1@test"].IsAllDay);
        Assert.Single(calendar.Events["d1@test"].Alarms);
        Assert.Equal(Zone, calendar.Events["m1@test"].DtStart!.TzId);
        Assert.Single(calendar.TimeZones);
        Assert.DoesNotContain("ATTENDEE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ORGANIZER", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_end_with_CRLF_and_are_folded_at_75_octets()
    {
        var longText = string.Concat(Enumerable.Repeat("Överenskommelsen för Barn, Unga och Samverkan i Exempelby kommun är förnyad: åäö ÅÄÖ. ", 6));
        var texts = new[]
        {
            _calendars.MeetingRequest("meeting-42@busflow.exempelby.test", 0, longText, longText, longText, new LocalDateTime(2026, 3, 30, 10, 0), new LocalDateTime(2026, 3, 30, 12, 0), Zone, Secretary, Participants),
            _calendars.Deadline("d@test", 0, longText, longText, new LocalDate(2026, 4, 15)),
            _calendars.Feed(longText, [new DeadlineEntry("d@test", 0, longText, longText, new LocalDate(2026, 4, 15))]),
        };

        foreach (var text in texts)
        {
            Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
            Assert.DoesNotMatch("[^\r]\n", text);
            Assert.DoesNotMatch("\r[^\n]", text);
            var lines = text.Split("\r\n");
            Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
            Assert.Contains(lines, line => line.StartsWith(' '));

            // Folding keeps the text intact, å ä ö included.
            var calendar = Calendar.Load(text)!;
            var calendarEvent = Assert.Single(calendar.Events);
            Assert.Equal(longText, calendarEvent.Summary);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_text()
    {
        Assert.Equal(SpringMeeting(), SpringMeeting());
    }

    [Fact]
    public void Mistakes_are_refused()
    {
        var start = new LocalDateTime(2026, 3, 30, 10, 0);
        Assert.Throws<ArgumentException>(() => _calendars.MeetingRequest("m@test", 0, "x", null, null, start, start.PlusHours(1), "Europe/Nowhere", Secretary, Participants));
        Assert.Throws<ArgumentException>(() => _calendars.MeetingRequest("m@test", 0, "x", null, null, start, start, Zone, Secretary, Participants));
        Assert.Throws<ArgumentException>(() => _calendars.MeetingRequest(" ", 0, "x", null, null, start, start.PlusHours(1), Zone, Secretary, Participants));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendars.Deadline("d@test", -1, "x", null, new LocalDate(2026, 4, 15)));
    }

    [Fact]
    public void The_calendar_names_BusFlow_as_its_product()
    {
        Assert.Contains("PRODID:" + CalendarInvitations.ProductId + "\r\n", SpringMeeting(), StringComparison.Ordinal);
        Assert.IsType<Calendar>(Calendar.Load(SpringMeeting()));
        Assert.IsType<CalendarEvent>(Calendar.Load(SpringMeeting())!.Events[0]);
    }
}
