using System.Text.Json.Nodes;
using BusFlow.Bus.Journal;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>
/// GET /api/agreements/{id}/journal: the agreement, its official records (revisions, the boards'
/// decisions, the chairs' signatures), the instances that belong to it and every line of their
/// journals, ordered by time, instance and sequence.
/// </summary>
public sealed record AgreementJournalResponse(
    AgreementRecord Agreement,
    IReadOnlyList<RevisionRecord> Revisions,
    IReadOnlyList<DecisionRecord> Decisions,
    IReadOnlyList<SignatureRecord> Signatures,
    IReadOnlyList<JournalInstance> Instances,
    IReadOnlyList<AgreementJournalEntry> Journal,
    string TimeZone,
    Instant ExportedAt)
{
    public static AgreementJournalResponse From(AgreementJournal journal, DateTimeZone zone, Instant exportedAt) =>
        new(AgreementRecord.From(journal.Agreement),
            [.. journal.Revisions.Select((r, index) => new RevisionRecord(r.Id, r.Date, r.Note, index + 1, r.InstanceId))],
            [.. journal.Decisions.Select(DecisionRecord.From)],
            [.. journal.Signatures.Select(s => new SignatureRecord(s.Id, s.BoardId, s.PersonId, s.SignedAt, LocalTimeText.Format(s.SignedAt, zone), s.Proof))],
            [.. journal.Instances.Select(JournalInstance.From)],
            [.. journal.Lines.Select(line => AgreementJournalEntry.From(line, zone))],
            zone.Id,
            exportedAt);
}

public sealed record AgreementRecord(
    string Id,
    string Title,
    LocalDate ValidFrom,
    LocalDate ValidUntil,
    AgreementStatus Status,
    string? PredecessorId,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Recipients)
{
    public static AgreementRecord From(Agreement agreement) =>
        new(agreement.Id, agreement.Title, agreement.ValidFrom, agreement.ValidUntil, agreement.Status, agreement.PredecessorId,
            [.. agreement.PartyBoardIds], [.. agreement.Recipients]);
}

/// <summary>A revision of an agreement revised in place: numbered in date order, with the instance that put it to the parties when a workflow did.</summary>
public sealed record RevisionRecord(Guid Id, LocalDate Date, string Note, int Number, Guid? InstanceId);

/// <summary>
/// A party's decision as recorded: outcome, date, meeting, paragraph (§) and registration number; <see cref="PartyKind"/>
/// says whether a board or an organization that is not a board (its id in <see cref="BoardId"/>) decided.
/// </summary>
public sealed record DecisionRecord(
    Guid Id,
    string BoardId,
    string Subject,
    DecisionOutcome Outcome,
    LocalDate DecisionDate,
    LocalDate? MeetingDate,
    string? Paragraph,
    string? RegistrationNumber,
    Guid? InstanceId,
    Instant RecordedAt,
    string RecordedBy,
    PartyKind PartyKind)
{
    public static DecisionRecord From(PartyDecision decision) =>
        new(decision.Id, decision.BoardId, decision.Subject, decision.Outcome, decision.DecisionDate, decision.MeetingDate, decision.Paragraph,
            decision.RegistrationNumber, decision.InstanceId, decision.RecordedAt, decision.RecordedBy, decision.PartyKind);
}

public sealed record SignatureRecord(Guid Id, string BoardId, string PersonId, Instant SignedAt, string SignedAtLocal, string Proof);

/// <summary>An instance of the agreement's journal, with the parent that started it.</summary>
public sealed record JournalInstance(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationKey,
    Guid? ParentInstanceId,
    InstanceStatus Status,
    Instant CreatedAt)
{
    public static JournalInstance From(WorkflowInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.CorrelationKey, instance.ParentInstanceId,
            instance.Status, instance.CreatedAt);
}

/// <summary>One journal line: data is the entry's own JSON.</summary>
public sealed record AgreementJournalEntry(
    Guid InstanceId,
    string DefinitionId,
    int Sequence,
    Instant At,
    string LocalTime,
    JournalKind Kind,
    string? ActivityId,
    string Actor,
    JsonNode? Data)
{
    public static AgreementJournalEntry From(AgreementJournalLine line, DateTimeZone zone) =>
        new(line.Entry.InstanceId, line.Instance.DefinitionId, line.Entry.Sequence, line.Entry.At, LocalTimeText.Format(line.Entry.At, zone),
            line.Entry.Kind, line.Entry.ActivityId, line.Entry.Actor, line.Entry.DataJson is null ? null : JsonNode.Parse(line.Entry.DataJson));
}
