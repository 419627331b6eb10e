using System.Text.Json.Nodes;
using BusFlow.Bus.Journal;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Status;

/// <summary>
/// Reads an agreement's status board from its workflows as they stand: each decision round (the
/// <c>decision-round</c> instances of the agreement's workflow tree) with one line per party from its
/// <c>board-decision</c> part, the reminders its journal holds and, when the round runs inside a
/// renewal, the chair's signing task; and every open task of the tree.
/// </summary>
public static class AgreementStatusReader
{
    public const string RoundWorkflow = "decision-round";
    public const string BoardPartWorkflow = "board-decision";

    /// <summary>The decision round's wait for its last day to pass (decision-round's WaitUntil).</summary>
    public const string RoundDeadlineActivity = "deadlinePassed";

    private static readonly string[] Decisive = ["approve", "reject"];

    public static async Task<AgreementStatusBoard> ReadAsync(IWorkflowSession session, string agreementId, LocalDate today, DateTimeZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var instances = await AgreementInstances.ListAsync(session, agreementId, ct);
        var allTasks = await session.ListTasksAsync(new TaskQuery(Take: int.MaxValue, InstanceIds: [.. instances.Select(i => i.Id)]), ct);
        var byInstance = allTasks.ToLookup(t => t.InstanceId);
        var tasks = instances.ToDictionary(i => i.Id, i => (IReadOnlyList<HumanTask>)[.. byInstance[i.Id]]);
        var journals = new Dictionary<Guid, IReadOnlyList<JournalEntry>>();

        async Task<IReadOnlyList<JournalEntry>> JournalOf(Guid instanceId)
        {
            if (!journals.TryGetValue(instanceId, out var journal))
            {
                journal = await session.ListJournalAsync(instanceId, ct);
                journals[instanceId] = journal;
            }

            return journal;
        }

        var mustAct = new List<ActionNeeded>();
        foreach (var task in tasks.Values.SelectMany(t => t).Where(t => t.Status == HumanTaskStatus.Open))
        {
            mustAct.Add(Action(task, today, Reminded(task, await JournalOf(task.InstanceId))));
        }

        var rounds = new List<RoundStatus>();
        foreach (var round in instances.Where(i => i.DefinitionId == RoundWorkflow))
        {
            var parts = instances.Where(i => i.ParentInstanceId == round.Id && i.DefinitionId == BoardPartWorkflow).ToList();
            var signing = round.ParentInstanceId is { } parentId && tasks.TryGetValue(parentId, out var parentTasks) ? parentTasks : [];
            var parties = new List<PartyStatus>();
            foreach (var board in Boards(round))
            {
                var part = parts.Where(p => InputText(p, "board") == board).OrderByDescending(p => p.CreatedAt).FirstOrDefault();
                var signature = signing.Where(t => DataText(t.DataJson, "board") == board && DataText(t.DataJson, "agreement") == InputText(round, "agreement"))
                    .OrderByDescending(t => t.CreatedAt).FirstOrDefault();
                parties.Add(part is null
                    ? new PartyStatus(board, PartyState.NotStarted)
                    : await PartyAsync(board, round, part, tasks[part.Id], signature, JournalOf, today));
            }

            rounds.Add(new RoundStatus(round.Id, InputText(round, "subject") ?? round.DefinitionId, round.Status, round.CreatedAt, Deadline(round, await JournalOf(round.Id), zone), parties));
        }

        return new AgreementStatusBoard(
            agreementId,
            today,
            [.. rounds.OrderByDescending(r => r.StartedAt)],
            [.. mustAct.OrderBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Title, StringComparer.CurrentCulture)]);
    }

    /// <param name="journalOf">An instance's journal, read only when a reminder count needs it.</param>
    private static async Task<PartyStatus> PartyAsync(
        string board, WorkflowInstance round, WorkflowInstance part, IReadOnlyList<HumanTask> partTasks, HumanTask? signature,
        Func<Guid, Task<IReadOnlyList<JournalEntry>>> journalOf, LocalDate today)
    {
        var ordered = partTasks.OrderBy(t => t.CreatedAt).ToList();
        var moved = ordered.Where(t => t.Status == HumanTaskStatus.Completed && !Decisive.Contains(t.Outcome))
            .Select(t => ordered.FirstOrDefault(next => next.CreatedAt > t.CreatedAt) is { } next ? DataDate(next.DataJson, "meetingDate") : null)
            .OfType<LocalDate>()
            .ToList();
        var decided = ordered.LastOrDefault(t => t.Status == HumanTaskStatus.Completed && Decisive.Contains(t.Outcome));
        var current = ordered.LastOrDefault();
        var status = new PartyStatus(board, PartyState.Waiting)
        {
            MeetingDate = current is null ? null : DataDate(current.DataJson, "meetingDate"),
            MovedToMeetings = moved,
            Decision = decided is null
                ? null
                : new PartyDecisionTaken(decided.Outcome!, DataDate(decided.AnswerDataJson, "decisionDate"), DataText(decided.AnswerDataJson, "paragraph"), DataDate(decided.DataJson, "meetingDate")),
        };

        if (decided is not null)
        {
            return signature switch
            {
                { Status: HumanTaskStatus.Completed } => status with { State = PartyState.Signed, SignedAt = signature.ClosedAt, SignedBy = signature.CompletedBy },
                { Status: HumanTaskStatus.Open } => Pressed(status with { State = PartyState.AwaitingSignature }, signature, await journalOf(signature.InstanceId), today),
                _ => status with { State = PartyState.Decided },
            };
        }

        if (part.Status == InstanceStatus.Cancelled)
        {
            return status with { State = PartyState.DroppedOut };
        }

        if (current is { Status: HumanTaskStatus.Open })
        {
            return Pressed(status, current, await journalOf(part.Id), today);
        }

        return round.Status is InstanceStatus.Running or InstanceStatus.Waiting
            ? status with { State = PartyState.WaitingForMeetingPlan }
            : status with { State = PartyState.Undecided };
    }

    /// <summary>The party's open task with its reminders: reminded once any went out, escalated once the escalation did.</summary>
    private static PartyStatus Pressed(PartyStatus status, HumanTask task, IReadOnlyList<JournalEntry> journal, LocalDate today)
    {
        var reminders = Reminded(task, journal);
        var state = status.State switch
        {
            PartyState.AwaitingSignature => PartyState.AwaitingSignature,
            _ when reminders.Any(r => r.Escalation) => PartyState.Escalated,
            _ when reminders.Count > 0 => PartyState.Reminded,
            _ => PartyState.Waiting,
        };
        return status with { State = state, OpenTask = Action(task, today, reminders), Reminders = reminders };
    }

    private static List<PartyReminder> Reminded(HumanTask task, IReadOnlyList<JournalEntry> journal) =>
        [.. journal.Where(e => e.Kind is JournalKind.TaskReminded or JournalKind.TaskEscalated)
            .Select(e => (e.At, Payload: e.Payload<TaskReminderPayload>()))
            .Where(e => e.Payload?.TaskId == task.Id)
            .Select(e => new PartyReminder(e.At, e.Payload!.Number, e.Payload.ReminderKind == Engine.Reminders.ReminderKind.Escalation))];

    private static ActionNeeded Action(HumanTask task, LocalDate today, IReadOnlyList<PartyReminder> reminders) =>
        new(task.Id, task.InstanceId, task.Title, task.Assignee, task.Role, task.DueDate, task.DueDate is { } due && due < today,
            reminders.Count(r => !r.Escalation), reminders.Any(r => r.Escalation));

    private static IEnumerable<string> Boards(WorkflowInstance round) =>
        JsonNode.Parse(round.InputJson)?["boards"] is JsonArray boards
            ? boards.Select(b => b?.GetValueKind() == System.Text.Json.JsonValueKind.String ? b.GetValue<string>() : null).OfType<string>()
            : [];

    /// <summary>The round's last day: as it set it, or as an administrator extended it (its timer ends the day after).</summary>
    private static LocalDate? Deadline(WorkflowInstance round, IReadOnlyList<JournalEntry> journal, DateTimeZone zone)
    {
        if (journal.LastOrDefault(e => e.Kind == JournalKind.TimerMoved && e.ActivityId == RoundDeadlineActivity)?.Payload<TimerMovedPayload>() is { } moved)
        {
            return moved.DueAt.InZone(zone).Date.PlusDays(-1);
        }

        return ExecutionState.Deserialize(round.StateJson).Variables["deadline"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? ParseDate(text)
            : DataDate(round.InputJson, "deadline");
    }

    private static string? InputText(WorkflowInstance instance, string name) => DataText(instance.InputJson, name);

    private static string? DataText(string? json, string name) =>
        json is not null && JsonNode.Parse(json) is JsonObject data && data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static LocalDate? DataDate(string? json, string name) => ParseDate(DataText(json, name));

    private static LocalDate? ParseDate(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
