using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace BusFlow.Notifications.Calendars;

/// <summary>
/// Writes iCalendar (RFC 5545) objects for meetings and deadlines: invitations and their
/// cancellations (iTIP, RFC 5546: METHOD:REQUEST / METHOD:CANCEL), published deadlines and
/// subscribable feeds. The text has CRLF line endings and lines folded at 75 octets.
/// </summary>
/// <remarks>
/// Times are local times in a named zone (DTSTART;TZID=Europe/Stockholm) with the zone's
/// VTIMEZONE, so a meeting stays at 10:00 whatever daylight-saving time does. Deadlines are
/// all-day events rather than VTODOs, which Outlook shows poorly.
/// </remarks>
public sealed class CalendarInvitations(IClock clock)
{
    public const string DefaultZone = "Europe/Stockholm";
    public const string ProductId = "-//BusFlow//BusFlow Notifications//SV";

    /// <summary>A deadline's reminder comes 15 hours before its day starts: at 09:00 the day before.</summary>
    public const int DeadlineReminderHours = 15;

    /// <summary>
    /// An invitation to a meeting (METHOD:REQUEST). Send it again with the same
    /// <paramref name="uid"/> and a higher <paramref name="sequence"/> when the meeting changes.
    /// </summary>
    public string MeetingRequest(
        string uid,
        int sequence,
        string summary,
        string? description,
        string? location,
        LocalDateTime start,
        LocalDateTime end,
        string zone,
        CalendarPerson organizer,
        IEnumerable<CalendarPerson> attendees,
        Uri? url = null)
    {
        var meeting = new MeetingEntry(uid, sequence, summary, description, location, start, end, zone) { Url = url };
        return Serialize(CalendarMethods.Request, [meeting], organizer, attendees);
    }

    /// <summary>
    /// The cancellation of a meeting (METHOD:CANCEL, STATUS:CANCELLED): the same
    /// <paramref name="uid"/> as the request, and a <paramref name="sequence"/> above the last
    /// one sent (the request's sequence + 1).
    /// </summary>
    public string MeetingCancel(
        string uid,
        int sequence,
        string summary,
        string? description,
        string? location,
        LocalDateTime start,
        LocalDateTime end,
        string zone,
        CalendarPerson organizer,
        IEnumerable<CalendarPerson> attendees)
    {
        var meeting = new MeetingEntry(uid, sequence, summary, description, location, start, end, zone) { Cancelled = true };
        return Serialize(CalendarMethods.Cancel, [meeting], organizer, attendees);
    }

    /// <summary>
    /// A deadline to put in one's calendar (METHOD:PUBLISH): an all-day event on
    /// <paramref name="date"/> with a reminder at 09:00 the day before.
    /// </summary>
    public string Deadline(string uid, int sequence, string summary, string? description, LocalDate date, Uri? url = null) =>
        Serialize(CalendarMethods.Publish, [new DeadlineEntry(uid, sequence, summary, description, date) { Url = url }], null, []);

    /// <summary>
    /// A calendar to subscribe to (a board's meetings, a person's deadlines): METHOD:PUBLISH with
    /// X-WR-CALNAME and X-WR-TIMEZONE, without organizer or attendees.
    /// </summary>
    public string Feed(string name, IEnumerable<CalendarEntry> events, string zone = DefaultZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var calendar = Serialize(CalendarMethods.Publish, events.ToList(), null, [], c =>
        {
            c.AddProperty("X-WR-CALNAME", name);
            c.AddProperty("X-WR-TIMEZONE", RequireZone(zone));
            // How often a subscriber should look again (RFC 7986 and Outlook's older property).
            var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
            refresh.AddParameter("VALUE", "DURATION");
            c.AddProperty(refresh);
            c.AddProperty("X-PUBLISHED-TTL", "PT1H");
        });
        return calendar;
    }

    private string Serialize(
        string method,
        IReadOnlyList<CalendarEntry> entries,
        CalendarPerson? organizer,
        IEnumerable<CalendarPerson> attendees,
        Action<Calendar>? decorate = null)
    {
        var calendar = new Calendar { Method = method, ProductId = ProductId };
        decorate?.Invoke(calendar);

        var stamp = new CalDateTime(clock.GetCurrentInstant().ToDateTimeUtc(), CalDateTime.UtcTzId, true);
        var people = attendees.ToList();
        var zones = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.Uid);
            ArgumentOutOfRangeException.ThrowIfNegative(entry.Sequence);

            var calendarEvent = new CalendarEvent
            {
                Uid = entry.Uid,
                Sequence = entry.Sequence,
                Summary = entry.Summary,
                Description = string.IsNullOrWhiteSpace(entry.Description) ? null : entry.Description,
                DtStamp = stamp,
                Url = entry.Url,
            };

            switch (entry)
            {
                case MeetingEntry meeting:
                    var zone = RequireZone(meeting.Zone);
                    if (meeting.End <= meeting.Start)
                    {
                        throw new ArgumentException($"The meeting '{meeting.Uid}' ends ({meeting.End}) before it starts ({meeting.Start}).");
                    }

                    zones.Add(zone);
                    calendarEvent.DtStart = ToCalDateTime(meeting.Start, zone);
                    calendarEvent.DtEnd = ToCalDateTime(meeting.End, zone);
                    calendarEvent.Location = string.IsNullOrWhiteSpace(meeting.Location) ? null : meeting.Location;
                    calendarEvent.Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
                    calendarEvent.Transparency = TransparencyType.Opaque;
                    break;

                case DeadlineEntry deadline:
                    calendarEvent.DtStart = new CalDateTime(ToDateOnly(deadline.Date));
                    calendarEvent.DtEnd = new CalDateTime(ToDateOnly(deadline.Date.PlusDays(1)));
                    // A deadline does not make anyone busy.
                    calendarEvent.Transparency = TransparencyType.Transparent;
                    calendarEvent.Alarms.Add(new Alarm
                    {
                        Action = AlarmAction.Display,
                        Description = entry.Summary,
                        Trigger = new Trigger(Ical.Net.DataTypes.Duration.FromHours(-DeadlineReminderHours)),
                    });
                    break;

                default:
                    throw new ArgumentException($"Unknown calendar entry {entry.GetType().Name}.", nameof(entries));
            }

            if (organizer is not null)
            {
                calendarEvent.Organizer = new Organizer(MailTo(organizer.Email)) { CommonName = organizer.Name };
                foreach (var person in people)
                {
                    calendarEvent.Attendees.Add(new Attendee(MailTo(person.Email))
                    {
                        CommonName = person.Name,
                        Role = ParticipationRole.RequiredParticipant,
                        ParticipationStatus = EventParticipationStatus.NeedsAction,
                        Rsvp = method == CalendarMethods.Request,
                    });
                }
            }

            calendar.Events.Add(calendarEvent);
        }

        foreach (var zone in zones)
        {
            calendar.AddTimeZone(zone);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime ToCalDateTime(LocalDateTime local, string zone) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone);

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static string RequireZone(string zone) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)?.Id
        ?? throw new ArgumentException($"Unknown time zone '{zone}'; use an IANA id such as {DefaultZone}.", nameof(zone));

    private static string MailTo(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return "mailto:" + email.Trim();
    }
}
