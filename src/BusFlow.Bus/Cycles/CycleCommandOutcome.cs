namespace BusFlow.Bus.Cycles;

/// <summary>What starting or stopping an agreement's cycles did.</summary>
public enum CycleCommandOutcome
{
    Started,
    Stopped,
    NoAgreement,

    /// <summary>Only an agreement in force (Active) runs its yearly cycles.</summary>
    NotInForce,

    AlreadyRunning,
    NotRunning,
}
