namespace BusFlow.Bus.Status;

/// <summary>What came of an administrator's intervention on a task.</summary>
public enum InterventionOutcome
{
    Done,

    /// <summary>The task is not one of the agreement's open tasks (answered meanwhile, or another agreement's).</summary>
    NotOpen,

    /// <summary>No reason was given, or it is longer than <see cref="TaskInterventions.ReasonMaxLength"/>.</summary>
    ReasonNeeded,

    /// <summary>The substitute is not in the directory or has no e-mail address.</summary>
    UnknownPerson,

    /// <summary>The substitute already has the task.</summary>
    AlreadyAssigned,

    /// <summary>The new due date is not after the present one, or before today.</summary>
    DateNotLater,
}
