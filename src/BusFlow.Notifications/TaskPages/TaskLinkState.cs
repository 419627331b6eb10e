using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Links;

namespace BusFlow.Notifications.TaskPages;

/// <summary>What a task link (or code) opens, found without changing anything.</summary>
public enum TaskLinkState
{
    /// <summary>No such link: unknown, malformed or tampered. Says nothing of any task.</summary>
    Unknown,

    /// <summary>The link's time is out; the task may still be open.</summary>
    Expired,

    /// <summary>The task was cancelled, or passed to someone else (a new holder of the role), or the link withdrawn.</summary>
    Withdrawn,

    /// <summary>The task waits for this reader's answer.</summary>
    Open,

    /// <summary>The reader is told about the task (an escalation) and cannot answer it.</summary>
    Informed,

    /// <summary>The task has been answered, by this reader or someone else.</summary>
    Answered,
}

/// <summary>
/// A task link as its reader sees it: the state, and for a valid link the task, whom the page takes
/// the reader to be, and what an answer must carry.
/// </summary>
public sealed record TaskLinkView(TaskLinkState State, LinkToken? Token, HumanTask? Task, ReminderRecipient? Reader, TaskAnswerSpec Spec)
{
    /// <summary>Who asks: the name of the workflow the task belongs to.</summary>
    public string? AskedBy { get; init; }

    /// <summary>The documents the task shows (of its case and kinds), without their content; empty when it shows none.</summary>
    public IReadOnlyList<BusFlow.Engine.Documents.StoredDocument> Documents { get; init; } = [];

    public static readonly TaskLinkView Unknown = new(TaskLinkState.Unknown, null, null, null, TaskAnswerSpec.Default);
}

/// <summary>How a link was used, for the journal: the client's address and user agent.</summary>
public sealed record LinkUse(string? Ip, string? UserAgent);

/// <summary>An answer as a form gives it: outcome, comment, the facts filled in and the files attached.</summary>
public sealed record AnswerForm(string Outcome, string? Comment, System.Text.Json.Nodes.JsonObject? Data)
{
    public IReadOnlyList<BusFlow.Engine.Documents.PostedFile> Files { get; init; } = [];
}

/// <summary>What became of an answer given by a link.</summary>
public enum AnswerResultKind
{
    /// <summary>Recorded; the workflow went on.</summary>
    Recorded,

    /// <summary>The answer lacks something (a comment, a fact); nothing changed.</summary>
    Invalid,

    /// <summary>The task needs a confirmation code: one was mailed; nothing else changed.</summary>
    CodeSent,

    /// <summary>The confirmation code was wrong or out of time; nothing changed.</summary>
    WrongCode,

    /// <summary>The link no longer takes answers (see the view's state); nothing changed.</summary>
    NotOpen,

    /// <summary>The task's workflow has stopped; the answer was not recorded and the task stays open.</summary>
    WorkflowStopped,
}

public sealed record AnswerResult(AnswerResultKind Kind, TaskLinkView View, IReadOnlyList<AnswerProblem> Problems)
{
    public static AnswerResult Of(AnswerResultKind kind, TaskLinkView view) => new(kind, view, []);
}
