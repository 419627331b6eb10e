namespace BusFlow.Bus.Agreements;

public enum AgreementProblem
{
    Required,
    TooLong,
    EndsBeforeStart,

    /// <summary>Draft and Active are set by hand; the decision round sets the others.</summary>
    StatusNotSettable,

    NoOrganization,
    NoBoard,
    NoPerson,
    NoBody,

    /// <summary>An agreement in force has yearly meetings, and a body must meet in them.</summary>
    BodyNeeded,
    NoAgreement,

    /// <summary>An agreement is not its own predecessor.</summary>
    OwnPredecessor,

    NoParties,

    /// <summary>A party is a board or an organization: neither, or both, was given.</summary>
    BoardOrOrganization,

    PartyTwice,

    /// <summary>A recipient is a board or an organization of the directory.</summary>
    NotARecipient,

    RecipientTwice,
}
