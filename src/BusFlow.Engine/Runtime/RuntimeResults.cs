using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

public sealed record StartRequest(string DefinitionId, System.Text.Json.Nodes.JsonObject? Input = null, string? CorrelationKey = null, int? Version = null, string Actor = "system");

/// <summary>The instance after a start; Created is false when the correlation key named an existing one.</summary>
public sealed record StartResult(WorkflowInstance Instance, bool Created);

/// <summary>A person's answer to a task: the outcome, an optional comment and facts given with it.</summary>
public sealed record TaskAnswer(string Outcome, string? Comment, string Actor, System.Text.Json.Nodes.JsonObject? Data = null)
{
    /// <summary>How the person was recognised: "link", "code", "link+confirmationCode", "api", … Given to the workflow as the answer's proof.</summary>
    public string? Proof { get; init; }

    /// <summary>What the journal keeps of how the answer came (the link's use: instant, IP, user agent).</summary>
    public System.Text.Json.Nodes.JsonObject? Evidence { get; init; }

    /// <summary>
    /// Runs in the answer's own transaction once the task is marked answered (e.g. consuming the
    /// link that carried it), so both commit together or neither does.
    /// </summary>
    public Func<IWorkflowSession, HumanTask, CancellationToken, Task>? WithinTransaction { get; init; }

    /// <summary>
    /// Whether the one answering may answer this task at all; checked first, before its state or the
    /// answer, so one who may not learns nothing about it (<see cref="TaskCompletionStatus.NotPermitted"/>, no task).
    /// </summary>
    public Func<HumanTask, bool>? MayAnswer { get; init; }

    /// <summary>
    /// The files taken for the task's document fields (checked by <see cref="Documents.DocumentRules"/>),
    /// stored in the answer's transaction; the answer's data then names each stored version.
    /// </summary>
    public IReadOnlyDictionary<string, Documents.DocumentUpload>? Documents { get; init; }
}

public enum TaskCompletionStatus
{
    Completed,

    /// <summary>Someone answered first, or the task was cancelled: nothing changed.</summary>
    AlreadyClosed,

    NotFound,

    /// <summary>The answer's <see cref="TaskAnswer.MayAnswer"/> refused the task: nothing changed, and the task is not told.</summary>
    NotPermitted,

    InvalidOutcome,

    /// <summary>The task's workflow has stopped (faulted): the answer would be lost, so it is refused and the task stays open.</summary>
    InstanceNotWaiting,

    /// <summary>The answer lacks what the task asks for (a comment, a fact); see <see cref="TaskCompletion.Problems"/>.</summary>
    InvalidAnswer,
}

public sealed record TaskCompletion(TaskCompletionStatus Status, HumanTask? Task, InstanceStatus? InstanceStatus = null)
{
    public IReadOnlyList<AnswerProblem> Problems { get; init; } = [];
}


public enum RequestErrorKind
{
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>A request the runtime refuses; nothing was changed. Hosts map the kind to a status code.</summary>
public sealed class WorkflowRequestException(RequestErrorKind kind, string message, IReadOnlyList<DefinitionError>? errors = null)
    : Exception(message)
{
    public RequestErrorKind Kind { get; } = kind;
    public IReadOnlyList<DefinitionError> Errors { get; } = errors ?? [];
}
