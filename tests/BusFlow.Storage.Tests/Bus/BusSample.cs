using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

/// <summary>BUS records with every required field set, invented for tests (addresses at example.org).</summary>
internal static class BusSample
{
    public static Organization Organization(string id = "provby") => new() { Id = id, Name = "Provby kommun", Kind = OrganizationKind.Municipality };

    public static Board Board(string id = "sn", string organizationId = "provby") => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Code = id.ToUpperInvariant(),
        Name = "Socialnämnden",
    };

    public static BoardMeeting Meeting(string boardId, LocalDate date) => new() { Id = Guid.NewGuid(), BoardId = boardId, Date = date };

    public static Person Person(string id, string? name = null) => new() { Id = id, Name = name ?? id, Email = $"{id}@example.org" };

    public static RoleAssignment Role(string personId, RoleKind role, string? boardId, string? bodyId, LocalDate from, LocalDate? until) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = personId,
        Role = role,
        BoardId = boardId,
        BodyId = bodyId,
        From = from,
        Until = until,
    };

    public static Agreement Agreement(string id = "bus-2023-2026") => new()
    {
        Id = id,
        Title = "Samverkansöverenskommelse BUS 2023–2026",
        ValidFrom = new LocalDate(2023, 1, 1),
        ValidUntil = new LocalDate(2026, 12, 31),
        Status = AgreementStatus.Active,
        PartyBoardIds = ["sn", "bun", "kun"],
        Recipients = ["sn", "bun", "kun", "ks"],
    };

    public static PartyDecision Decision(string? agreementId = "bus-2023-2026", string boardId = "sn") => new()
    {
        Id = Guid.NewGuid(),
        Subject = "Samverkansöverenskommelse BUS 2023–2026",
        AgreementId = agreementId,
        BoardId = boardId,
        Outcome = DecisionOutcome.Approve,
        DecisionDate = new LocalDate(2023, 2, 14),
        RecordedAt = Sample.T0,
        RecordedBy = "handlaggare@example.org",
    };

    public static PartySignature Signature(string agreementId = "bus-2023-2026", string boardId = "sn") => new()
    {
        Id = Guid.NewGuid(),
        AgreementId = agreementId,
        BoardId = boardId,
        PersonId = "ordforande",
        SignedAt = Sample.T0,
        Proof = "link",
    };
}
