using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>An open task someone must act on: whose it is, what, by when, and how hard it has been pressed.</summary>
public sealed record ActionNeeded(
    Guid TaskId,
    Guid InstanceId,
    string Title,
    string Assignee,
    string? Role,
    LocalDate? DueDate,
    bool Overdue,
    int Reminders,
    bool Escalated);
