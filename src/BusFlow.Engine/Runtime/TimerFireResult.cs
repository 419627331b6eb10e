namespace BusFlow.Engine.Runtime;

public enum TimerFireResult
{
    /// <summary>The timer fired now and its instance resumed.</summary>
    Fired,

    /// <summary>Another job, the sweep or a cancellation handled it first; nothing happened.</summary>
    AlreadyHandled,

    /// <summary>Its due time has not come on this clock; the caller should schedule it again.</summary>
    NotDue,

    NotFound,
}
