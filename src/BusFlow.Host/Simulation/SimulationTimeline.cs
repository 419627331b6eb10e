using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Outbox;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Simulation;

/// <summary>
/// The timeline of a simulation: the journal entries of every instance that matter to a person
/// reading it (timers, tasks, child workflows, starts and ends, faults) and every mail the run put
/// in the outbox, in the order they happened.
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
        JournalKind.TimerCancelled,
        JournalKind.ChildStarted,
        JournalKind.InstanceCompleted,
        JournalKind.Faulted,
        JournalKind.Cancelled,
    };

    /// <summary>Reads every instance and every outbox message in the store and builds their timeline.</summary>
    public static async Task<IReadOnlyList<TimelineEvent>> ReadAsync(IWorkflowStore store, DateTimeZone zone, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var mails = await session.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: int.MaxValue), ct);
        var histories = new List<InstanceHistory>();
        foreach (var instance in await session.ListInstancesAsync(new InstanceQuery(Take: int.MaxValue), ct))
        {
            histories.Add(new InstanceHistory(
                instance,
                await session.ListJournalAsync(instance.Id, ct),
                await session.ListTasksAsync(new TaskQuery(InstanceId: instance.Id, Take: int.MaxValue), ct)));
        }

        return Build(histories, mails, zone);
    }

    /// <summary>
    /// The events of all the instances and mails, ordered by instant, then by their place in their
    /// journal; a mail comes right after the step that wrote it.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> Build(IReadOnlyList<InstanceHistory> histories, IEnumerable<OutboxMessage> mails, DateTimeZone zone)
    {
        var started = histories.ToDictionary(h => h.Instance.Id, h => h.Instance.CreatedAt);
        var journal = histories.SelectMany(history => history.Journal
            .Where(entry => Kinds.Contains(entry.Kind) || RecordOf(entry) is not null)
            .Select(entry => (Event: ToEvent(history, entry, zone), MailAfterStep: false)));
        return journal
            .Concat(MailTimeline.Events(histories, mails, zone).Select(mail => (Event: mail, MailAfterStep: true)))
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
        var data = entry.DataJson is null ? null : JsonNode.Parse(entry.DataJson) as JsonObject;
        var task = Text(data, "taskId") is { } taskId ? history.Tasks.FirstOrDefault(t => t.Id.ToString() == taskId) : null;
        var happened = new TimelineEvent(entry.At, entry.At.InZone(zone).LocalDateTime, entry.Kind, instance.DefinitionId, instance.Id, entry.Sequence, entry.ActivityId);
        return entry.Kind switch
        {
            JournalKind.InstanceStarted => happened with { Subject = $"{instance.DefinitionId} v{instance.DefinitionVersion}" },
            JournalKind.TimerScheduled => happened with { Due = LocalDue(Text(data, "dueAt"), zone) },
            JournalKind.TaskCreated => happened with
            {
                Subject = task?.Title ?? Text(data, "title"),
                Recipient = task?.Assignee ?? Text(data, "assignee"),
                Due = task?.DueDate is { } dueDate ? DueText(dueDate, task.DataJson) : Text(data, "dueDate"),
            },
            JournalKind.TaskCompleted => happened with
            {
                Subject = task?.Title,
                Recipient = task?.Assignee,
                Outcome = Text(data, "outcome"),
                By = entry.Actor,
            },
            JournalKind.TaskCancelled => happened with { Subject = task?.Title, Recipient = task?.Assignee },
            JournalKind.ChildStarted => happened with { Subject = Text(data, "definitionId") },
            JournalKind.Faulted => happened with { Detail = Text(data, "error") },
            JournalKind.Cancelled => happened with { Detail = Text(data, "reason") },
            JournalKind.ActivityCompleted when RecordOf(entry) is { } record => Describe(happened, record.Label, record.Output),
            _ => happened,
        };
    }

    /// <summary>A completed step that wrote a domain record: a decision, a signature or an agreement's new status.</summary>
    private static (string Label, JsonObject Output)? RecordOf(JournalEntry entry)
    {
        if (entry.Kind != JournalKind.ActivityCompleted || entry.DataJson is null || !entry.DataJson.Contains("\"output\"", StringComparison.Ordinal))
        {
            return null;
        }

        var output = JsonNode.Parse(entry.DataJson)?["output"] as JsonObject;
        return output switch
        {
            null => null,
            _ when output.ContainsKey("decisionId") => ("decision", output),
            _ when output.ContainsKey("signatureId") => ("signature", output),
            _ when output.ContainsKey("agreement") && output.ContainsKey("to") => ("agreement", output),
            _ => null,
        };
    }

    private static TimelineEvent Describe(TimelineEvent happened, string label, JsonObject output) => label switch
    {
        "decision" => happened with { Label = label, Subject = Text(output, "subject"), Board = Text(output, "board"), Outcome = Text(output, "outcome"), Detail = Text(output, "decisionDate") },
        "signature" => happened with { Label = label, Board = Text(output, "board"), By = Text(output, "person") },
        _ => happened with { Label = label, Subject = Text(output, "agreement"), Detail = $"{Text(output, "from")} → {Text(output, "to")}" },
    };

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

    private static string? LocalDue(string? dueAt, DateTimeZone zone) =>
        dueAt is not null && Values.TryParseInstant(dueAt, out var due) ? TimelineFormatter.FormatLocal(due.InZone(zone).LocalDateTime) : dueAt;

    private static string? Text(JsonObject? data, string property) =>
        data?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
