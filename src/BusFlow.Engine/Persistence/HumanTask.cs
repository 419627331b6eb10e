using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>A task for a person: the instance waits on its bookmark until an outcome is given.</summary>
public sealed class HumanTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid BookmarkId { get; set; }
    public required string ActivityId { get; set; }
    public required string Assignee { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public required List<string> Outcomes { get; set; }
    public LocalDate? DueDate { get; set; }
    public string? DataJson { get; set; }

    /// <summary>
    /// The role the task is for ("sn/Secretary"), when it is for a role rather than a person:
    /// reminders go to whoever holds it on the day they go out.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>What an answer must carry (form fields, comments, proof), as JSON; see <see cref="Runtime.TaskAnswerSpec"/>.</summary>
    public string? AnswerSpecJson { get; set; }

    /// <summary>The definition's reminder policy for the task, as JSON; none: no reminders.</summary>
    public string? ReminderPolicyJson { get; set; }
    public HumanTaskStatus Status { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>Facts the person gave with the answer (e.g. decision date, §, registration number), as JSON.</summary>
    public string? AnswerDataJson { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    public int Version { get; set; }
}

public enum HumanTaskStatus
{
    Open = 0,
    Completed = 1,
    Cancelled = 2,
}
