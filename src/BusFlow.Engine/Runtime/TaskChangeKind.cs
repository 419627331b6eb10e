namespace BusFlow.Engine.Runtime;

public enum TaskChangeKind
{
    /// <summary>The due date moved.</summary>
    Moved,

    /// <summary>The task went to another address.</summary>
    Reassigned,

    /// <summary>The task's mail went out again to the same assignee.</summary>
    Resent,
}
