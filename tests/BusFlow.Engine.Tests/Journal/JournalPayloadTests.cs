using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using NodaTime;

namespace BusFlow.Engine.Tests.Journal;

/// <summary>
/// The journal's data as databases already hold it: each kind's JSON, exactly as the engine has
/// written it since before the payloads were typed, reads into its payload type and writes back
/// to the same text, so no stored journal needs a migration.
/// </summary>
public sealed class JournalPayloadTests
{
    private const string Task = "7d0c6f0e-3f1a-4c59-9a37-0b7c9b1f2a10";
    private const string Timer = "c5d2a1b4-6e8f-4a3b-9c7d-1e2f3a4b5c6d";
    private const string Other = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static TheoryData<JournalKind, string, Type> StoredShapes => new()
    {
        { JournalKind.InstanceStarted, $$"""{"id":"board-decision","version":2,"correlationKey":"bus-2023-2026:sn","parentInstanceId":"{{Other}}"}""", typeof(InstanceStartedPayload) },
        { JournalKind.InstanceStarted, """{"id":"renewal","version":1,"correlationKey":null,"parentInstanceId":null}""", typeof(InstanceStartedPayload) },
        { JournalKind.ActivityCompleted, """{"output":{"decisionId":12,"board":"sn","outcome":"Approved"}}""", typeof(ActivityCompletedPayload) },
        { JournalKind.BookmarkCreated, $$"""{"bookmarkId":"{{Other}}","kind":"Task"}""", typeof(BookmarkCreatedPayload) },
        { JournalKind.BookmarkResumed, $$"""{"bookmarkId":"{{Other}}","kind":"ChildWorkflow"}""", typeof(BookmarkResumedPayload) },
        { JournalKind.TaskCreated, $$"""{"taskId":"{{Task}}","assignee":"sekreterare.sn@exempelby.test","title":"Besluta om överenskommelsen","dueDate":"2026-12-28","outcomes":["approve","reject","referBack"]}""", typeof(TaskCreatedPayload) },
        { JournalKind.TaskCreated, $$"""{"taskId":"{{Task}}","assignee":"a@exempelby.test","title":"Läs","dueDate":null,"outcomes":["done"]}""", typeof(TaskCreatedPayload) },
        { JournalKind.TaskCompleted, $$$"""{"taskId":"{{{Task}}}","outcome":"approve","comment":null,"data":{"decisionDate":"2026-10-13","paragraph":"§ 87"},"proof":"link\u002BconfirmationCode","evidence":{"ip":"192.0.2.7","userAgent":"Firefox"}}""", typeof(TaskCompletedPayload) },
        { JournalKind.TaskCompleted, $$"""{"taskId":"{{Task}}","outcome":"reject","comment":"Budgeten saknas","data":null,"proof":null,"evidence":null}""", typeof(TaskCompletedPayload) },
        { JournalKind.TaskCancelled, $$"""{"taskId":"{{Task}}"}""", typeof(TaskCancelledPayload) },
        { JournalKind.TaskReminded, $$"""{"taskId":"{{Task}}","timerId":"{{Timer}}","kind":"BeforeDue","number":2,"recipients":[{"address":"sekreterare.sn@exempelby.test","name":"Eva Ek","role":"sn/Secretary","handling":"InDigest"}],"rolesNotHeld":[]}""", typeof(TaskReminderPayload) },
        { JournalKind.TaskEscalated, $$"""{"taskId":"{{Task}}","timerId":"{{Timer}}","kind":"Escalation","number":1,"recipients":[{"address":"ordf.sn@exempelby.test","name":null,"role":"sn/Chair","handling":"Mailed"}],"rolesNotHeld":["sn/HeadOfAdministration"]}""", typeof(TaskReminderPayload) },
        { JournalKind.TimerScheduled, $$"""{"timerId":"{{Timer}}","dueAt":"2026-12-28T08:00:00Z"}""", typeof(TimerScheduledPayload) },
        { JournalKind.TimerScheduled, $$"""{"taskId":"{{Task}}","reminders":[{"timerId":"{{Timer}}","kind":"BeforeDue","number":1,"dueAt":"2026-12-21T07:00:00Z"},{"timerId":"{{Other}}","kind":"OnDue","number":1,"dueAt":"2026-12-28T07:00:00Z"}]}""", typeof(TimerScheduledPayload) },
        { JournalKind.TimerFired, $$"""{"timerId":"{{Timer}}","dueAt":"2026-12-28T08:00:00Z"}""", typeof(TimerFiredPayload) },
        { JournalKind.TimerCancelled, $$"""{"timerId":"{{Timer}}"}""", typeof(TimerCancelledPayload) },
        { JournalKind.ChildStarted, $$"""{"childInstanceId":"{{Other}}","definitionId":"board-decision","wait":true}""", typeof(ChildStartedPayload) },
        { JournalKind.VariableSet, """{"variable":"approvedBy","value":["sn","bun"]}""", typeof(VariableSetPayload) },
        { JournalKind.VariableSet, """{"variable":"note","value":null}""", typeof(VariableSetPayload) },
        { JournalKind.Faulted, """{"error":"the child workflow \u0027x\u0027 is not published"}""", typeof(FaultedPayload) },
        { JournalKind.Retried, """{"previousError":"the child workflow \u0027x\u0027 is not published"}""", typeof(RetriedPayload) },
        { JournalKind.Cancelled, """{"reason":"started by mistake"}""", typeof(CancelledPayload) },
        { JournalKind.SignalReceived, """{"signal":"meetingMoved","data":{"date":"2027-02-03"},"sentBy":"sekreterare@kommun.test"}""", typeof(SignalReceivedPayload) },
        { JournalKind.TaskMoved, $$"""{"taskId":"{{Task}}","previousDueDate":"2027-01-03","dueDate":"2027-01-10","reason":"Mötet flyttades","data":{"meetingDate":"2027-01-10"},"remindersCancelled":2}""", typeof(TaskMovedPayload) },
        { JournalKind.TaskReassigned, $$"""{"taskId":"{{Task}}","previousAssignee":"ordf.gammal@exempelby.test","assignee":"ordf.ny@exempelby.test","reason":"sn/Chair changed hands on 2027-01-01"}""", typeof(TaskReassignedPayload) },
        { JournalKind.TaskReassigned, $$"""{"taskId":"{{Task}}","previousAssignee":"a@exempelby.test","assignee":"b@exempelby.test","reason":"\u003Cscript\u003E\u0026\u0022citat\u0022\u003C/script\u003E"}""", typeof(TaskReassignedPayload) },
    };

    [Theory]
    [MemberData(nameof(StoredShapes))]
    public void A_stored_entry_reads_as_its_kinds_payload_and_writes_back_to_the_same_json(JournalKind kind, string stored, Type payloadType)
    {
        var payload = JournalPayloads.Read(Entry(kind, stored));

        Assert.NotNull(payload);
        Assert.IsType(payloadType, payload);
        Assert.Equal(kind, payload.Kind);
        Assert.Equal(stored, JournalPayloads.Write(payload));
    }

    [Theory]
    [InlineData(JournalKind.ActivityStarted)]
    [InlineData(JournalKind.ActivityCompleted)]
    [InlineData(JournalKind.InstanceCompleted)]
    [InlineData(JournalKind.Cancelled)]
    public void An_entry_without_data_has_no_payload(JournalKind kind) =>
        Assert.Null(JournalPayloads.Read(Entry(kind, null)));

    [Fact]
    public void A_hand_over_reads_as_who_had_the_task_who_has_it_and_why()
    {
        var entry = Entry(JournalKind.TaskReassigned, $$"""{"taskId":"{{Task}}","previousAssignee":"ordf.gammal@exempelby.test","assignee":"ordf.ny@exempelby.test","reason":"Ny ordförande"}""");

        var handedOver = entry.Payload<TaskReassignedPayload>();

        Assert.Equal(new TaskReassignedPayload(Guid.Parse(Task), "ordf.gammal@exempelby.test", "ordf.ny@exempelby.test", "Ny ordförande"), handedOver);
    }

    [Fact]
    public void An_entry_asked_for_as_another_kinds_payload_gives_none()
    {
        var entry = Entry(JournalKind.TaskCancelled, $$"""{"taskId":"{{Task}}"}""");

        Assert.Null(entry.Payload<TaskReassignedPayload>());
        Assert.Equal(Guid.Parse(Task), entry.Payload<TaskCancelledPayload>()?.TaskId);
    }

    [Fact]
    public void An_escalation_reads_whom_it_reached_how_and_the_roles_nobody_held()
    {
        var entry = Entry(JournalKind.TaskEscalated, $$"""{"taskId":"{{Task}}","timerId":"{{Timer}}","kind":"Escalation","number":1,"recipients":[{"address":"ordf.sn@exempelby.test","name":"Anna Lindqvist","role":"sn/Chair","handling":"Mailed"}],"rolesNotHeld":["sn/HeadOfAdministration"]}""");

        var escalated = entry.Payload<TaskReminderPayload>()!;

        Assert.Equal((ReminderKind.Escalation, 1), (escalated.ReminderKind, escalated.Number));
        Assert.Equal(new ReachedRecipient("ordf.sn@exempelby.test", "Anna Lindqvist", "sn/Chair", ReminderHandling.Mailed), Assert.Single(escalated.Recipients));
        Assert.Equal(["sn/HeadOfAdministration"], escalated.RolesNotHeld);
    }

    [Fact]
    public void A_reminder_is_journaled_as_reminded_and_an_escalation_as_escalated()
    {
        TaskReminderPayload Reminder(ReminderKind kind) => new(Guid.Parse(Task), Guid.Parse(Timer), kind, 1, [], []);

        Assert.Equal(
            [JournalKind.TaskReminded, JournalKind.TaskReminded, JournalKind.TaskReminded, JournalKind.TaskEscalated],
            new[] { ReminderKind.BeforeDue, ReminderKind.OnDue, ReminderKind.Overdue, ReminderKind.Escalation }.Select(k => Reminder(k).Kind));
    }

    [Fact]
    public void A_task_reads_its_due_date_and_its_reminder_timers_in_their_own_types()
    {
        var created = Entry(JournalKind.TaskCreated, $$"""{"taskId":"{{Task}}","assignee":"a@exempelby.test","title":"Besluta","dueDate":"2026-12-28","outcomes":["approve"]}""")
            .Payload<TaskCreatedPayload>()!;
        var scheduled = Entry(JournalKind.TimerScheduled, $$"""{"taskId":"{{Task}}","reminders":[{"timerId":"{{Timer}}","kind":"BeforeDue","number":1,"dueAt":"2026-12-21T07:00:00Z"}]}""")
            .Payload<TimerScheduledPayload>()!;

        Assert.Equal(new LocalDate(2026, 12, 28), created.DueDate);
        Assert.Null(scheduled.TimerId);
        Assert.Equal(
            new ScheduledReminderTimer(Guid.Parse(Timer), ReminderKind.BeforeDue, 1, Instant.FromUtc(2026, 12, 21, 7, 0)),
            Assert.Single(scheduled.Reminders!));
    }

    [Fact]
    public void A_timer_writes_its_due_instant_as_the_journal_always_has()
    {
        var due = Instant.FromUtc(2026, 12, 28, 8, 0);

        Assert.Equal($$"""{"timerId":"{{Timer}}","dueAt":"{{due}}"}""", JournalPayloads.Write(TimerScheduledPayload.ForTimer(Guid.Parse(Timer), due)));
    }

    private static JournalEntry Entry(JournalKind kind, string? data) =>
        new() { InstanceId = Guid.NewGuid(), Sequence = 1, Kind = kind, Actor = "system", DataJson = data };
}
