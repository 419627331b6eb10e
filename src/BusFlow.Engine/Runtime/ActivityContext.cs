using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// What an activity sees and asks for while it runs. Requests are collected and applied by the
/// runtime after the activity returns, so an activity that throws changes nothing.
/// </summary>
public sealed class ActivityContext : IExpressionContext
{
    private readonly Execution _execution;
    private readonly List<Effect> _effects = [];

    internal ActivityContext(Execution execution, Frame frame, ActivityNode node, Instant now, DateTimeZone zone, IWorkingDayCalendar calendar, IWorkflowSession session, string actor)
    {
        _execution = execution;
        Session = session;
        Actor = actor;
        Frame = frame;
        Node = node;
        Now = now;
        Zone = zone;
        Calendar = calendar;
    }

    public ActivityNode Node { get; }
    public Frame Frame { get; }

    /// <summary>The activity's own state, kept across resumes (e.g. the index of a Sequence).</summary>
    public JsonObject Data => Frame.Data;

    public Instant Now { get; }
    public DateTimeZone Zone { get; }
    public IWorkingDayCalendar Calendar { get; }
    public LocalDate Today => Now.InZone(Zone).Date;
    public Guid InstanceId => _execution.Instance.Id;

    /// <summary>The operation's transaction, for reads. Writes go through <see cref="Write"/>.</summary>
    public IWorkflowSession Session { get; }

    /// <summary>Who caused this step: a person answering, "timer", "api", …</summary>
    public string Actor { get; }

    /// <summary>How many of this activity's children are still running.</summary>
    public int RunningChildren => _execution.State.Frames.Count(f => f.ParentId == Frame.Id)
                                  + _effects.OfType<ScheduleChildEffect>().Count();

    internal IReadOnlyList<Effect> Effects => _effects;

    public JsonNode? Evaluate(string property) =>
        Node.Expression(property) is { } expression ? ExpressionEvaluator.Evaluate(expression, this) : null;

    public JsonNode? Evaluate(string property, DataType type) =>
        Node.Expression(property) is { } expression ? ExpressionEvaluator.EvaluateAs(expression, type, this) : null;

    public JsonNode? Resolve(IReadOnlyList<string> segments) => _execution.Resolve(Frame, segments, Now, Zone);

    public void ScheduleChild(ActivityNode child, JsonObject? locals = null) => _effects.Add(new ScheduleChildEffect(child, locals));

    public void Complete(JsonNode? output = null) => _effects.Add(new CompleteEffect(output));

    public void SetVariable(string name, JsonNode? value) => _effects.Add(new SetVariableEffect(name, value));

    public void CreateTimer(Instant dueAt) => _effects.Add(new CreateTimerEffect(dueAt));

    public void CreateTask(HumanTaskRequest request) => _effects.Add(new CreateTaskEffect(request));

    /// <summary>Waits for the named signal; it resumes this activity with what the signal carries.</summary>
    public void WaitForSignal(string signal) => _effects.Add(new WaitForSignalEffect(signal));

    public void StartChildWorkflow(ChildWorkflowRequest request) => _effects.Add(new StartChildEffect(request));

    /// <summary>
    /// Writes a module's records in this transaction, after the activity returns without throwing,
    /// like every other effect.
    /// </summary>
    public void Write(Func<IWorkflowSession, CancellationToken, Task> write) => _effects.Add(new WriteEffect(write));

    /// <summary>Cancels the children still running (e.g. the branches a Parallel no longer waits for).</summary>
    /// <summary>Journals a document the step sends (a mail's attachment), so the record shows what went to whom.</summary>
    public void JournalDocumentSent(DocumentSentPayload document) => _effects.Add(new JournalDocumentEffect(document));

    public void CancelRunningChildren() => _effects.Add(new CancelChildrenEffect());

    /// <summary>Faults the instance on purpose, with a reason for the people who read the journal.</summary>
    public static Exception Fail(string reason) => new WorkflowFailedException(reason);
}

public sealed record HumanTaskRequest(string Assignee, string Title, string? Description, IReadOnlyList<string> Outcomes, LocalDate? DueDate, JsonObject? Data)
{
    /// <summary>The role the task is for ("sn/Secretary"); reminders go to its holder of the day.</summary>
    public string? Role { get; init; }

    /// <summary>The definition's reminder policy (see <see cref="Reminders.ReminderPolicyJson"/>); none: no reminders.</summary>
    public JsonObject? Reminders { get; init; }

    /// <summary>What an answer must carry (see <see cref="TaskAnswerSpec"/>); null: the defaults.</summary>
    public JsonObject? AnswerSpec { get; init; }
}

public sealed record ChildWorkflowRequest(string DefinitionId, JsonObject Input, string? CorrelationKey, bool Wait);

/// <summary>A Fail activity or a broken expectation: the instance faults with this reason.</summary>
public sealed class WorkflowFailedException(string reason) : Exception(reason);

internal abstract record Effect;

internal sealed record ScheduleChildEffect(ActivityNode Child, JsonObject? Locals) : Effect;

internal sealed record CompleteEffect(JsonNode? Output) : Effect;

internal sealed record SetVariableEffect(string Name, JsonNode? Value) : Effect;

internal sealed record CreateTimerEffect(Instant DueAt) : Effect;

internal sealed record CreateTaskEffect(HumanTaskRequest Request) : Effect;

internal sealed record WaitForSignalEffect(string Signal) : Effect;

internal sealed record StartChildEffect(ChildWorkflowRequest Request) : Effect;

internal sealed record CancelChildrenEffect : Effect;

internal sealed record JournalDocumentEffect(DocumentSentPayload Document) : Effect;

internal sealed record WriteEffect(Func<IWorkflowSession, CancellationToken, Task> Write) : Effect;
