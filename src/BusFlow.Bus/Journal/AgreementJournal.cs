using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Journal;

/// <summary>
/// An agreement's official records and the journal of every workflow instance that belongs to it
/// (<see cref="AgreementInstances"/>), as read in one session: what the municipality's register
/// receives. Read only; nothing here changes a record.
/// </summary>
public sealed record AgreementJournal(
    Agreement Agreement,
    IReadOnlyList<AgreementRevision> Revisions,
    IReadOnlyList<PartyDecision> Decisions,
    IReadOnlyList<PartySignature> Signatures,
    IReadOnlyList<WorkflowInstance> Instances,
    IReadOnlyList<AgreementJournalLine> Lines)
{
    /// <summary>
    /// The agreement's journal, its lines ordered by time, then instance, then sequence; null when
    /// there is no such agreement.
    /// </summary>
    public static async Task<AgreementJournal?> ReadAsync(IWorkflowSession session, string agreementId, CancellationToken ct)
    {
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(agreementId, ct) is not { } agreement)
        {
            return null;
        }

        var instances = await AgreementInstances.ListAsync(session, agreementId, ct);
        var lines = new List<AgreementJournalLine>();
        foreach (var instance in instances)
        {
            lines.AddRange((await session.ListJournalAsync(instance.Id, ct)).Select(entry => new AgreementJournalLine(instance, entry)));
        }

        return new AgreementJournal(
            agreement,
            await records.ListRevisionsAsync(agreementId, ct),
            await records.ListDecisionsAsync(agreementId, ct),
            await records.ListSignaturesAsync(agreementId, ct),
            instances,
            [.. lines.OrderBy(l => l.Entry.At).ThenBy(l => l.Entry.InstanceId).ThenBy(l => l.Entry.Sequence)]);
    }
}

/// <summary>One journal entry with the instance it belongs to.</summary>
public sealed record AgreementJournalLine(WorkflowInstance Instance, JournalEntry Entry);
