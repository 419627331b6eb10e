using NodaTime;

namespace BusFlow.Bus.Model;

public enum AgreementStatus
{
    /// <summary>Being written for the next mandate period.</summary>
    Draft,

    /// <summary>In its decision round: the parties' boards decide.</summary>
    InDecision,

    /// <summary>Decided and signed by every party; not yet in force.</summary>
    Signed,

    Active,

    /// <summary>Reached its end without a successor in force.</summary>
    Expired,

    /// <summary>Followed by a newer agreement now in force.</summary>
    Superseded,
}

/// <summary>A collaboration agreement (samverkansöverenskommelse) for one validity period, usually a mandate period.</summary>
public sealed class Agreement
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public LocalDate ValidFrom { get; set; }

    /// <summary>The last day of validity (inclusive), e.g. 2026-12-31.</summary>
    public LocalDate ValidUntil { get; set; }

    public AgreementStatus Status { get; set; }
    public string? PredecessorId { get; set; }

    /// <summary>The organization that keeps the agreement (the municipality whose boards are its core parties).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The collaboration body that meets in the agreement's cycle: invited to its spring and autumn meetings, or its yearly follow-up.</summary>
    public string? BodyId { get; set; }

    /// <summary>Which yearly meetings the agreement has.</summary>
    public AgreementCycleShape Cycle { get; set; }

    /// <summary>
    /// The boards that are deciding parties; each decides and its chair signs. The workflows read
    /// these; every party, boards and other organizations alike, is an <see cref="AgreementParty"/>.
    /// </summary>
    public List<string> PartyBoardIds { get; set; } = [];

    /// <summary>Who the decision is sent to: the parties' boards and others, e.g. the municipal executive board (KS).</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Whether the agreement is renewed for each mandate period or revised in place by its parties.</summary>
    public AgreementChangeMode ChangeMode { get; set; }

    public int Version { get; set; }
}

/// <summary>A revision of an agreement's text (Norrtälje: signed 2009, revised 2012 and 2014).</summary>
public sealed class AgreementRevision
{
    public Guid Id { get; set; }
    public required string AgreementId { get; set; }
    public LocalDate Date { get; set; }
    public required string Note { get; set; }

    /// <summary>The decision round (workflow instance) in which the parties decided the revision; null for one entered from the records.</summary>
    public Guid? InstanceId { get; set; }
}

public enum DecisionOutcome
{
    /// <summary>Bifall.</summary>
    Approve,

    /// <summary>Avslag.</summary>
    Reject,

    /// <summary>Återremiss: sent back for more preparation; decided again at a later meeting.</summary>
    ReferBack,

    /// <summary>Bordläggning: postponed to a later meeting.</summary>
    Table,
}

/// <summary>A party's decision on an agreement or proposal: an official record, never changed once written.</summary>
public sealed class PartyDecision
{
    public Guid Id { get; set; }
    public required string Subject { get; set; }
    public string? AgreementId { get; set; }

    /// <summary>The board that decided; for a party that is an organization (<see cref="PartyKind"/>), the organization's id.</summary>
    public required string BoardId { get; set; }

    /// <summary>Whether a board or an organization that is not a board (the region, the police) decided.</summary>
    public PartyKind PartyKind { get; set; }

    public DecisionOutcome Outcome { get; set; }
    public LocalDate DecisionDate { get; set; }

    /// <summary>The date of the board meeting that decided, when known.</summary>
    public LocalDate? MeetingDate { get; set; }

    public string? Paragraph { get; set; }
    public string? RegistrationNumber { get; set; }
    public Guid? InstanceId { get; set; }
    public Instant RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A chair's signature of an agreement on behalf of a board: an official record.</summary>
public sealed class PartySignature
{
    public Guid Id { get; set; }
    public required string AgreementId { get; set; }
    public required string BoardId { get; set; }
    public required string PersonId { get; set; }
    public Instant SignedAt { get; set; }

    /// <summary>How the signer proved it was them: "link", "one-time-code", …</summary>
    public required string Proof { get; set; }
}
