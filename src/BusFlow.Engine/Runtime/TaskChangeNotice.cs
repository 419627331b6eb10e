using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// What changed on an open task: <paramref name="Task"/> as it stands now, and what it was before.
/// <paramref name="Reason"/> is the words the person is told, e.g. "the board's meeting moved".
/// </summary>
public sealed record TaskChangeNotice(
    TaskChangeKind Kind,
    HumanTask Task,
    LocalDate? PreviousDueDate,
    string PreviousAssignee,
    string Reason,
    Instant At);
