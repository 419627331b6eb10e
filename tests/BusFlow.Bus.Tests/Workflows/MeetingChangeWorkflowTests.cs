using System.Text.Json.Nodes;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Outbox;
using Ical.Net.CalendarComponents;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>A spring or autumn meeting that is moved or cancelled: the members' calendars follow, and so does the workflow.</summary>
public sealed class MeetingChangeWorkflowTests : IAsyncLifetime
{
    private const int Members = 9;
    private const string Secretary = "lena.vikstrom@exempelby.test";
    private static readonly LocalDateTime Start = new(2026, 1, 12, 9, 0);

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(Start);

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_moved_meeting_is_sent_again_with_the_same_uid_a_higher_sequence_and_the_new_time()
    {
        var spring = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026, "2026-04-15"));
        await _bus.RunUntilAsync(new LocalDateTime(2026, 3, 2, 10, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var delivery = await _bus.Runtime.SignalAsync(spring.Id, "meetingMoved", new JsonObject
        {
            ["date"] = "2026-04-22",
            ["starts"] = "09:00",
            ["ends"] = "12:00",
            ["place"] = "Stadshuset, sal Linden",
        }, Secretary);

        Assert.Equal(spring.Id, (await _bus.InstanceAsync(delivery.InstanceId)).ParentInstanceId);
        var invitations = await MessagesAsync("invite");
        Assert.Equal(2 * Members, invitations.Count);
        var moved = invitations.Where(m => BusHarness.Local(m.CreatedAt) == new LocalDateTime(2026, 3, 2, 10, 0)).ToList();
        Assert.Equal(Members, moved.Count);
        Assert.All(moved, m =>
        {
            Assert.Equal(("Ny tid: Vårmöte BUS 2026 22 april 2026", "REQUEST"), (m.Subject, m.CalendarMethod));
            Assert.Contains("Vårmöte BUS 2026 har flyttats från 15 april 2026 kl. 13:00.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("När: 22 april 2026 kl. 09:00–12:00", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Var: Stadshuset, sal Linden", m.TextBody, StringComparison.Ordinal);
        });
        var first = Meeting(invitations.Except(moved).First());
        var second = Meeting(moved[0]);
        Assert.Equal((first.Uid, 0, 1), (second.Uid, first.Sequence, second.Sequence));
        // 22 April is summer time: 09:00 in Stockholm is 07:00 UTC.
        Assert.Equal(new DateTime(2026, 4, 22, 7, 0, 0, DateTimeKind.Utc), second.DtStart!.AsUtc);
        Assert.Equal("Stadshuset, sal Linden", second.Location);

        // The notes are asked for when the meeting has ended at its new time, not at the old one.
        await _bus.RunUntilAsync(new LocalDateTime(2026, 5, 31, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));
        var notes = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "recordNotes");
        Assert.Equal(new LocalDateTime(2026, 4, 22, 12, 0), BusHarness.Local(notes.CreatedAt));
        Assert.Equal(new LocalDate(2026, 5, 6), notes.DueDate);
        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(spring.Id)).Status);
    }

    [Fact]
    public async Task A_cancelled_meeting_sends_METHOD_CANCEL_with_the_reason_and_no_notes_are_asked_for()
    {
        var spring = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026, "2026-04-15"));

        await _bus.Runtime.SignalAsync(spring.Id, "meetingCancelled", new JsonObject { ["reason"] = "Underlagen hinner inte bli klara; vi ses i höst." }, Secretary);

        var notices = await MessagesAsync("cancelNotice");
        Assert.Equal(Members, notices.Count);
        Assert.All(notices, m =>
        {
            Assert.Equal(("Inställt: Vårmöte BUS 2026 15 april 2026", "CANCEL"), (m.Subject, m.CalendarMethod));
            Assert.Contains("Vårmöte BUS 2026 den 15 april 2026 kl. 13:00 är inställt.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Underlagen hinner inte bli klara; vi ses i höst.", m.TextBody, StringComparison.Ordinal);
        });
        var invitation = Meeting((await MessagesAsync("invite"))[0]);
        var cancellation = Meeting(notices[0]);
        Assert.Equal((invitation.Uid, 1, "CANCELLED"), (cancellation.Uid, cancellation.Sequence, cancellation.Status));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 5, 31, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));
        Assert.DoesNotContain(await _bus.AllTasksAsync(), t => t.ActivityId == "recordNotes");
        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(spring.Id)).Status);
    }

    [Fact]
    public async Task A_meeting_that_was_held_can_no_longer_be_moved_and_a_bad_move_changes_nothing()
    {
        var autumn = await _bus.StartAsync("autumn-planning", CycleInputs.Autumn2026());

        var bad = await Assert.ThrowsAsync<WorkflowRequestException>(() => _bus.Runtime.SignalAsync(autumn.Id, "meetingMoved",
            new JsonObject { ["date"] = "2026-10-13", ["starts"] = "kl 9" }, Secretary));
        Assert.Equal(
            [("$.starts", "'kl 9' is not a time of day (expected HH:mm)"), ("$.ends", "'ends' is required")],
            bad.Errors.Select(e => (e.JsonPath, e.Message)).OrderByDescending(e => e.JsonPath == "$.starts"));
        Assert.Equal(Members, (await MessagesAsync("invite")).Count);

        await _bus.RunUntilAsync(new LocalDateTime(2026, 10, 7, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));
        var late = await Assert.ThrowsAsync<WorkflowRequestException>(() => _bus.Runtime.SignalAsync(autumn.Id, "meetingMoved",
            new JsonObject { ["date"] = "2026-10-13", ["starts"] = "09:00", ["ends"] = "12:00" }, Secretary));
        Assert.Equal(RequestErrorKind.Conflict, late.Kind);
        // The autumn planning went on after the meeting: the steering group's proposal is asked for a week after it.
        var proposal = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "proposePriorities");
        Assert.Equal(new LocalDate(2026, 10, 13), proposal.DueDate);
    }

    private async Task<List<OutboxMessage>> MessagesAsync(string activityId) =>
        [.. (await _bus.OutboxAsync()).Where(m => m.ActivityId == activityId).OrderBy(m => m.CreatedAt)];

    private static CalendarEvent Meeting(OutboxMessage message) => Assert.Single(Ical.Net.Calendar.Load(message.CalendarContent!)!.Events);
}
