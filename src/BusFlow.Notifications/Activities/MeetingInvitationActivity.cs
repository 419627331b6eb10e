using System.Resources;
using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Activities.Texts;
using BusFlow.Notifications.Calendars;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Notifications.Activities;

/// <summary>
/// Writes the iCalendar object of a meeting for SendEmail's <c>calendar</c>: an invitation
/// (METHOD:REQUEST) or its cancellation (METHOD:CANCEL), with one organizer and every attendee, so
/// each attendee gets the same object. The uid stays the same for the meeting; a moved meeting is
/// sent again with a higher sequence. Output: { method, content, uid, sequence, meeting, organizer }:
/// method and content are what SendEmail's <c>calendar</c> takes, meeting and organizer what the
/// meeting-invitation template shows (meeting.start and meeting.end as local times, "2026-04-15T13:00").
/// </summary>
public sealed class MeetingInvitationActivity : ActivityType
{
    protected override ResourceManager DescriptionTexts => Says.Descriptions;

    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public override ActivityDescriptor Descriptor { get; } = new("MeetingInvitation", "Writes a meeting's iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for SendEmail's 'calendar'. Output: { method, content, uid, sequence, meeting: { title, start, end, place, description, agenda }, organizer: { email, name } }.",
    [
        new PropertySpec("uid", PropertyKind.Expression, DataType.String, Required: true, Description: "Stable for the meeting, e.g. \"{{ input.agreement }}-{{ input.year }}-spring@busflow\": a moved or cancelled meeting is sent with the same uid."),
        new PropertySpec("sequence", PropertyKind.Expression, DataType.Integer, Description: "0 for the first invitation, one more each time the meeting is sent again (moved, cancelled). Default: 0."),
        new PropertySpec("method", PropertyKind.Literal, DataType.String, Description: "REQUEST (default) invites; CANCEL cancels.") { AllowedValues = [Request, Cancel] },
        new PropertySpec("title", PropertyKind.Expression, DataType.String, Required: true, Description: "What the meeting is called in the calendar, e.g. \"Vårmöte BUS 2026\"."),
        new PropertySpec("description", PropertyKind.Expression, DataType.String, Description: "What the meeting is about."),
        new PropertySpec("place", PropertyKind.Expression, DataType.String, Description: "Where it is held."),
        new PropertySpec("agenda", PropertyKind.Expression, DataType.List, Description: "The items of the agenda (dagordning), as texts; also written in the calendar entry's description."),
        new PropertySpec("date", PropertyKind.Expression, DataType.Date, Required: true, Description: "The day of the meeting."),
        new PropertySpec("start", PropertyKind.Expression, DataType.Time, Required: true, Description: "The local time it starts, e.g. 13:00."),
        new PropertySpec("end", PropertyKind.Expression, DataType.Time, Required: true, Description: "The local time it ends, after the start."),
        new PropertySpec("zone", PropertyKind.Literal, DataType.String, Description: "An IANA time zone for the times. Default: the engine's (Europe/Stockholm)."),
        new PropertySpec("organizer", PropertyKind.Expression, DataType.Object, Required: true, Description: "Who calls the meeting and gets the replies: { email, name }, e.g. the output of ResolveRole."),
        new PropertySpec("attendees", PropertyKind.Expression, DataType.List, Required: true, Description: "Who is invited: a list of { email, name } (e.g. BodyMembers' members) or of addresses."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        if (node.Literal<string>("zone") is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            report("zone", Says.That(nameof(NotificationTexts.UnknownTimeZone), zone, CalendarInvitations.DefaultZone));
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var uid = RequiredText(context, "uid");
        var sequence = context.Evaluate("sequence", DataType.Integer) is { } value && Values.TryGetNumber(value, out var number) ? (int)number : 0;
        var method = context.Node.Literal<string>("method") ?? Request;
        var title = RequiredText(context, "title");
        var description = OptionalText(context, "description");
        var place = OptionalText(context, "place");
        var agenda = Values.ToList(context.Evaluate("agenda", DataType.List)).Select(Values.ToText).Where(item => item.Length > 0).ToList();
        var date = Values.ToDate(context.Evaluate("date", DataType.Date));
        var start = date.At(Values.ToTime(context.Evaluate("start", DataType.Time)));
        var end = date.At(Values.ToTime(context.Evaluate("end", DataType.Time)));
        var zone = context.Node.Literal<string>("zone") ?? context.Zone.Id;
        if (sequence < 0)
        {
            throw ActivityContext.Fail($"'sequence' of {context.Node.Id} is {sequence}; it starts at 0");
        }

        if (end <= start)
        {
            throw ActivityContext.Fail($"the meeting of {context.Node.Id} ends ({end:HH:mm}) before it starts ({start:HH:mm})");
        }

        var organizer = Person(context.Evaluate("organizer", DataType.Object), context, "organizer");
        var attendees = Values.ToList(context.Evaluate("attendees", DataType.List)).Select(a => Person(a, context, "attendees")).ToList();
        // DTSTAMP is the step's own time, so the object is the same whenever the step is replayed.
        var calendars = new CalendarInvitations(new StepClock(context.Now));
        var calendarText = CalendarDescription(description, agenda);
        var content = method == Cancel
            ? calendars.MeetingCancel(uid, sequence, title, calendarText, place, start, end, zone, organizer, attendees)
            : calendars.MeetingRequest(uid, sequence, title, calendarText, place, start, end, zone, organizer, attendees);
        context.Complete(new JsonObject
        {
            ["method"] = method,
            ["content"] = content,
            ["uid"] = uid,
            ["sequence"] = sequence,
            ["meeting"] = new JsonObject
            {
                ["title"] = title,
                ["start"] = LocalMinutes.Format(start),
                ["end"] = LocalMinutes.Format(end),
                ["place"] = place,
                ["description"] = description,
                ["agenda"] = new JsonArray([.. agenda.Select(item => (JsonNode?)JsonValue.Create(item))]),
            },
            ["organizer"] = new JsonObject { ["email"] = organizer.Email, ["name"] = organizer.Name },
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The description, then the agenda as a numbered list under "Dagordning:".</summary>
    private static string? CalendarDescription(string? description, IReadOnlyList<string> agenda)
    {
        if (agenda.Count == 0)
        {
            return description;
        }

        var lines = new List<string>();
        if (description is not null)
        {
            lines.Add(description);
            lines.Add("");
        }

        lines.Add("Dagordning:");
        lines.AddRange(agenda.Select((item, i) => $"{i + 1}. {item}"));
        return string.Join("\n", lines);
    }

    /// <summary>{ email, name } or an address alone.</summary>
    private static CalendarPerson Person(JsonNode? node, ActivityContext context, string property)
    {
        var (email, name) = node switch
        {
            JsonObject person => (person["email"] is { } e ? Values.ToText(e) : null, person["name"] is { } n ? Values.ToText(n) : null),
            JsonValue address => (Values.ToText(address), null),
            _ => (null, null),
        };
        return string.IsNullOrWhiteSpace(email)
            ? throw ActivityContext.Fail($"'{property}' of {context.Node.Id} has someone without an e-mail address")
            : new CalendarPerson(email.Trim(), string.IsNullOrWhiteSpace(name) ? null : name);
    }

    private static string RequiredText(ActivityContext context, string property)
    {
        var text = Values.ToText(context.Evaluate(property, DataType.String));
        return string.IsNullOrWhiteSpace(text) ? throw ActivityContext.Fail($"'{property}' of {context.Node.Id} is empty") : text;
    }

    private static string? OptionalText(ActivityContext context, string property) =>
        context.Evaluate(property, DataType.String) is { } value && Values.ToText(value) is { Length: > 0 } text ? text : null;

    private sealed class StepClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
