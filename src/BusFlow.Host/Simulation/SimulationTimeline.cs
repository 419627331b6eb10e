using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Reminders;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Simulation;

/// <summary>
/// The timeline of a simulation: the journal entries of every instance that matter to a person
/// reading it (timers, tasks, reminders and escalations, child workflows, starts and ends, faults)
/// and every mail the run put in the outbox (the weekly digests among them), in the order they happened.
/// </summary>
public static class SimulationTimeline
{
    public static readonly IReadOnlySet<JournalKind> Kinds = new HashSet<JournalKind>
    {
        JournalKind.InstanceStarted,
        JournalKind.TimerScheduled,
        JournalKind.TimerFired,
        JournalKind.TaskCreated,
        JournalKind.TaskCompleted,
        JournalKind.TaskCancelled,
        JournalKind.TaskReassigned,
        JournalKind.TaskReminded,
        JournalKind.TaskEscalated,
        JournalKind.TimerCancelled,
        JournalKind.ChildStarted,
        JournalKind.InstanceCompleted,
        JournalKind.Faulted,
        JournalKind.Cancelled,
    };

    /// <summary>Reads every instance and every outbox message in the store and builds their timeline; <paramref name="digests"/> are the weekly digests the run sent.</summary>
    public static async Task<IReadOnlyList<TimelineEvent>> ReadAsync(IWorkflowStore store, DateTimeZone zone, IReadOnlyList<SentDigest> digests, CancellationToken ct)
    {
        IReadOnlyList<OutboxMessage> mails;
        IReadOnlyList<WorkflowInstance> instances;
        await using (var session = await store.BeginAsync(ct))
        {
            mails = await session.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: int.MaxValue), ct);
            instances = await session.ListInstancesAsync(new InstanceQuery(Take: int.MaxValue), ct);
        }

        var histories = new List<InstanceHistory>();
        foreach (var batch in instances.Chunk(InstancesPerSession))
        {
            await using var session = await store.BeginAsync(ct);
            var tasks = (await session.ListTasksAsync(new TaskQuery(InstanceIds: batch.Select(i => i.Id).ToList(), Take: int.MaxValue), ct)).ToLookup(t => t.InstanceId);
            foreach (var instance in batch)
            {
                histories.Add(new InstanceHistory(instance, await session.ListJournalAsync(instance.Id, ct), tasks[instance.Id].ToList()));
            }
        }

        return Build(histories, mails, zone, digests);
    }

    /// <summary>
    /// Each query of a session first looks for changes among every row it has read, so a session
    /// reading all the journals of a large run spent its time there: a fresh session per few instances.
    /// </summary>
    private const int InstancesPerSession = 32;

    /// <summary>
    /// The events of all the instances and mails, ordered by instant, then by their place in their
    /// journal; a mail comes right after the step that wrote it.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> Build(IReadOnlyList<InstanceHistory> histories, IEnumerable<OutboxMessage> mails, DateTimeZone zone, IReadOnlyList<SentDigest>? digests = null)
    {
        var started = histories.ToDictionary(h => h.Instance.Id, h => h.Instance.CreatedAt);
        var journal = histories.SelectMany(history => history.Journal
            .Where(entry => Kinds.Contains(entry.Kind) || RecordOf(entry) is not null)
            .Select(entry => (Event: ToEvent(history, entry, zone), MailAfterStep: false)));
        return journal
            .Concat(MailTimeline.Events(histories, mails, zone, digests ?? []).Select(mail => (Event: mail, MailAfterStep: true)))
            .OrderBy(e => e.Event.Instant)
            .ThenBy(e => e.Event.Sequence)
            .ThenBy(e => started.GetValueOrDefault(e.Event.Instance))
            .ThenBy(e => e.Event.Instance)
            .ThenBy(e => e.MailAfterStep)
            .Select(e => e.Event)
            .ToList();
    }

    private static TimelineEvent ToEvent(InstanceHistory history, JournalEntry entry, DateTimeZone zone)
    {
        var instance = history.Instance;
        var payload = JournalPayloads.Read(entry);
        var task = payload is ITaskJournalPayload about ? history.Tasks.FirstOrDefault(t => t.Id == about.TaskId) : null;
        var happened = new TimelineEvent(entry.At, entry.At.InZone(zone).LocalDateTime, entry.Kind, instance.DefinitionId, instance.Id, entry.Sequence, entry.ActivityId);
        return payload switch
        {
            InstanceStartedPayload => happened with { Subject = $"{instance.DefinitionId} v{instance.DefinitionVersion}" },
            TimerScheduledPayload { Reminders: { } reminders } => Reminders(happened, reminders, zone),
            TimerScheduledPayload timer => happened with { Due = LocalDue(timer.DueAt, zone) },
            TaskCreatedPayload created => happened with
            {
                Subject = task?.Title ?? created.Title,
                Recipient = AssigneeAt(history, task, entry) ?? created.Assignee,
                Due = task?.DueDate is { } dueDate ? DueText(dueDate, task.DataJson) : IsoDate(created.DueDate),
            },
            TaskCompletedPayload completed => happened with
            {
                Subject = task?.Title,
                Recipient = task?.Assignee,
                Outcome = completed.Outcome,
                By = entry.Actor,
            },
            TaskCancelledPayload => happened with { Subject = task?.Title, Recipient = AssigneeAt(history, task, entry) },
            TaskReassignedPayload handedOver => happened with { Subject = task?.Title, Recipient = handedOver.Assignee, By = handedOver.PreviousAssignee, Detail = handedOver.Reason },
            TaskReminderPayload reminded => happened with
            {
                Subject = task?.Title,
                Recipient = AssigneeAt(history, task, entry),
                Detail = ReminderName(reminded.ReminderKind.ToString(), reminded.Number),
                Recipients = RecipientsOf(reminded),
                Board = task?.Role is { } role && RoleKeys.Split(role) is { } key ? key.Scope : null,
            },
            ChildStartedPayload child => happened with { Subject = child.DefinitionId },
            FaultedPayload fault => happened with { Detail = fault.Error },
            CancelledPayload cancelled => happened with { Detail = cancelled.Reason },
            ActivityCompletedPayload when RecordOf(entry) is { } record => Describe(happened, record.Label, record.Output, history, entry),
            _ => happened,
        };
    }

    /// <summary>Whose the task was when the entry was written: a later hand-over names who had it before.</summary>
    private static string? AssigneeAt(InstanceHistory history, HumanTask? task, JournalEntry entry) =>
        task is null ? null : history.Journal
            .Where(e => e.Kind == JournalKind.TaskReassigned && e.Sequence > entry.Sequence)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Payload<TaskReassignedPayload>())
            .Where(handedOver => handedOver?.TaskId == task.Id)
            .Select(handedOver => handedOver?.PreviousAssignee)
            .FirstOrDefault() ?? task.Assignee;

    /// <summary>A completed step that wrote a domain record: a decision, a signature or an agreement's new status.</summary>
    private static (string Label, JsonObject Output)? RecordOf(JournalEntry entry)
    {
        if (entry.Kind != JournalKind.ActivityCompleted || entry.DataJson is null)
        {
            return null;
        }

        var output = entry.Payload<ActivityCompletedPayload>()?.Output as JsonObject;
        return output switch
        {
            null => null,
            _ when output.ContainsKey("decisionId") => ("decision", output),
            _ when output.ContainsKey("signatureId") => ("signature", output),
            _ when output.ContainsKey("agreement") && output.ContainsKey("to") => ("agreement", output),
            _ when output.ContainsKey("undecided") && output.ContainsKey("allApproved") => ("round", output),
            _ => null,
        };
    }

    private static TimelineEvent Describe(TimelineEvent happened, string label, JsonObject output, InstanceHistory history, JournalEntry entry) => label switch
    {
        "decision" => happened with
        {
            Label = label,
            Subject = Text(output, "subject"),
            Board = Text(output, "board") ?? Text(output, "organization"),
            Outcome = Text(output, "outcome"),
            Detail = Text(output, "decisionDate"),
            Paragraph = ParagraphOf(history.Journal, entry),
        },
        "round" => happened with
        {
            Label = label,
            Subject = Text(JsonNode.Parse(history.Instance.InputJson) as JsonObject, "subject"),
            Round = new TimelineRoundResult(Texts(output["approvedBy"]), Texts(output["rejectedBy"]), Texts(output["undecided"])),
        },
        "signature" => happened with { Label = label, Board = Text(output, "board"), By = Text(output, "person") },
        _ => happened with { Label = label, Subject = Text(output, "agreement"), Detail = $"{Text(output, "from")} → {Text(output, "to")}" },
    };

    /// <summary>
    /// The paragraph a decision was recorded with: the board's secretary gives it with the answer to
    /// the task whose outcome the decision records, the last task answered before it in its instance.
    /// </summary>
    private static string? ParagraphOf(IReadOnlyList<JournalEntry> journal, JournalEntry decision)
    {
        var answer = journal.LastOrDefault(e => e.Kind == JournalKind.TaskCompleted && e.Sequence < decision.Sequence);
        return answer?.Payload<TaskCompletedPayload>()?.Data is { } facts ? Text(facts, "paragraph") : null;
    }

    /// <summary>A task's reminder timers as the journal lists them when the task is created, each with its local due time; the event's due is the first.</summary>
    private static TimelineEvent Reminders(TimelineEvent happened, IReadOnlyList<ScheduledReminderTimer> reminders, DateTimeZone zone)
    {
        var timers = reminders
            .Select(r => new TimelineReminder(JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString()), r.Number, LocalDue(r.DueAt, zone) ?? ""))
            .ToList();
        return happened with { Due = timers.FirstOrDefault()?.Due, Reminders = timers };
    }

    /// <summary>"beforeDue 2", "onDue", "overdue 1", "escalation": a reminder's kind and number as the timeline names it.</summary>
    public static string ReminderName(string? kind, int number)
    {
        var name = kind is null ? "reminder" : JsonNamingPolicy.CamelCase.ConvertName(kind);
        return name is "onDue" or "escalation" ? name : $"{name} {number}";
    }

    private static IReadOnlyList<TimelineRecipient> RecipientsOf(TaskReminderPayload reminded) =>
        reminded.Recipients
            .Select(r => new TimelineRecipient(r.Address, r.Role, JsonNamingPolicy.CamelCase.ConvertName(r.Handling.ToString())))
            .ToList();

    private static List<string> Texts(JsonNode? list) =>
        (list as JsonArray ?? []).Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList();

    /// <summary>A due date, with the move shown when it fell on a non-working day: "2026-12-28 (flyttad från 25/12 till 28/12 (juldagen))".</summary>
    private static string DueText(LocalDate due, string? taskData)
    {
        var text = LocalDatePattern.Iso.Format(due);
        var movedFrom = taskData is null ? null : Text(JsonNode.Parse(taskData) as JsonObject, "dueMovedFrom");
        return movedFrom is not null && Values.TryParseDate(movedFrom, out var requested) && Deadlines.Adjust(requested) is { Moved: true } deadline
            ? $"{text} ({deadline.TextSv})"
            : text;
    }

    private static readonly DeadlineAdjuster Deadlines = new();

    private static string? LocalDue(Instant? dueAt, DateTimeZone zone) =>
        dueAt is { } due ? TimelineFormatter.FormatLocal(due.InZone(zone).LocalDateTime) : null;

    private static string? IsoDate(LocalDate? date) => date is { } day ? LocalDatePattern.Iso.Format(day) : null;

    private static string? Text(JsonObject? data, string property) =>
        data?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
