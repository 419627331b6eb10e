using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using Ical.Net.CalendarComponents;

namespace BusFlow.Notifications.Tests.Outbox;

/// <summary>A workflow writes a meeting's invitation with MeetingInvitation and sends it with SendEmail's calendar.</summary>
public sealed class MeetingInvitationActivityTests
{
    /// <summary>An invitation (or its cancellation) to the chair and the vice chair, sent to the chair.</summary>
    private static string Definition(string method, int sequence, string start = "10:00", string end = "12:00") => $$$"""
        {
          "id": "invite", "version": 1, "name": "Kallelse",
          "inputs": [ { "name": "date", "type": "date", "required": true } ],
          "root": {
            "type": "Sequence", "id": "main",
            "activities": [
              { "type": "MeetingInvitation", "id": "meeting", "method": "{{{method}}}", "sequence": {{{sequence}}},
                "uid": "presidium-{{ input.date }}@busflow", "title": "Presidiemöte BUS", "place": "Stadshuset",
                "agenda": ["Uppföljning", "Turordningen"],
                "date": { "ref": "input.date" }, "start": "{{{start}}}", "end": "{{{end}}}",
                "organizer": { "email": "sekreterare@exempelby.test", "name": "Kim Sekreterare" },
                "attendees": [ { "email": "ordforande@exempelby.test", "name": "Åsa Ordförande" }, "vice@exempelby.test" ] },
              { "type": "SendEmail", "id": "send", "to": "ordforande@exempelby.test", "subject": "{{ output.meeting.meeting.title }}",
                "body": "{{ output.meeting.meeting.start }}", "calendar": { "ref": "output.meeting" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task An_invitation_is_METHOD_REQUEST_with_its_uid_sequence_attendees_and_local_time_in_Stockholm()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync(Definition("REQUEST", 0));

        var instance = await harness.StartAsync("invite", new JsonObject { ["date"] = "2026-03-30" });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var message = Assert.Single(await harness.OutboxAsync());
        Assert.Equal(("Presidiemöte BUS", "2026-03-30T10:00", "REQUEST"), (message.Subject, message.TextBody, message.CalendarMethod));
        Assert.Contains("METHOD:REQUEST\r\n", message.CalendarContent, StringComparison.Ordinal);
        var meeting = Meeting(message.CalendarContent!);
        Assert.Equal(("presidium-2026-03-30@busflow", 0, "CONFIRMED"), (meeting.Uid, meeting.Sequence, meeting.Status));
        Assert.Equal("Europe/Stockholm", meeting.DtStart!.TzId);
        // The Monday after the change to summer time: 10:00 in Stockholm is 08:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Equal("Stadshuset", meeting.Location);
        Assert.Equal("Dagordning:\n1. Uppföljning\n2. Turordningen", meeting.Description);
        Assert.Equal("mailto:sekreterare@exempelby.test", meeting.Organizer!.Value!.ToString());
        Assert.Equal(["mailto:ordforande@exempelby.test", "mailto:vice@exempelby.test"], meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal("Åsa Ordförande", meeting.Attendees[0].CommonName);
    }

    [Fact]
    public async Task A_cancellation_is_METHOD_CANCEL_with_the_same_uid_and_a_higher_sequence()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync(Definition("CANCEL", 1));

        await harness.StartAsync("invite", new JsonObject { ["date"] = "2026-03-30" });

        var message = Assert.Single(await harness.OutboxAsync());
        Assert.Equal("CANCEL", message.CalendarMethod);
        var meeting = Meeting(message.CalendarContent!);
        Assert.Equal(("presidium-2026-03-30@busflow", 1, "CANCELLED"), (meeting.Uid, meeting.Sequence, meeting.Status));
    }

    [Fact]
    public async Task A_meeting_that_ends_before_it_starts_faults_the_step_and_sends_nothing()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync(Definition("REQUEST", 0, start: "14:00", end: "13:00"));

        var instance = await harness.StartAsync("invite", new JsonObject { ["date"] = "2026-03-30" });

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal(("meeting", "the meeting of meeting ends (13:00) before it starts (14:00)"), (instance.FaultActivityId, instance.FaultMessage));
        Assert.Empty(await harness.OutboxAsync());
    }

    private static CalendarEvent Meeting(string content) => Assert.Single(Ical.Net.Calendar.Load(content)!.Events);
}
