using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Agreements;

/// <summary>
/// Agreements entered and changed by an administrator: every field checked against the directory, every
/// error named, and nothing saved while any remains. The party rows, their positions and the deciding
/// boards the workflows read (<see cref="Agreement.PartyBoardIds"/>) change together, in one transaction.
/// </summary>
public sealed class AgreementRegistry(IWorkflowStore store)
{
    public async Task<AgreementSaveResult> CreateAsync(AgreementDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if ((await AgreementChecks.ReadAsync(records, ct)).Of(draft, null) is { Count: > 0 } errors)
        {
            return new AgreementSaveResult(null, errors);
        }

        var taken = (await records.ListAgreementsAsync(ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var id = BoardRules.FreeId(AgreementRules.IdOf(draft.OrganizationId!.Trim(), draft.ValidFrom!.Value, draft.ValidUntil!.Value), taken.Contains);

        var agreement = new Agreement { Id = id, Title = "", Status = draft.Status ?? AgreementStatus.Draft };
        Apply(agreement, draft);
        records.Add(agreement);
        KeepParties(records, agreement, [], draft.Parties);
        await session.CommitAsync(ct);
        return new AgreementSaveResult(agreement, []);
    }

    public async Task<AgreementSaveResult> UpdateAsync(string id, AgreementDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is not { } agreement)
        {
            return AgreementSaveResult.NotFound;
        }

        if ((await AgreementChecks.ReadAsync(records, ct)).Of(draft, agreement) is { Count: > 0 } errors)
        {
            return new AgreementSaveResult(null, errors);
        }

        Apply(agreement, draft);
        KeepParties(records, agreement, await records.ListPartiesAsync(id, ct), draft.Parties);
        await session.CommitAsync(ct);
        return new AgreementSaveResult(agreement, []);
    }

    /// <summary>A revision of the agreement's text: its date and a note of 1 to 500 characters on what changed.</summary>
    public async Task<AgreementRevisionResult> AddRevisionAsync(string id, LocalDate? date, string? note, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is null)
        {
            return AgreementRevisionResult.NotFound;
        }

        var errors = new List<AgreementFieldError>();
        if (date is null)
        {
            errors.Add(new AgreementFieldError("date", AgreementProblem.Required));
        }

        if (!AgreementRules.IsNote(note))
        {
            errors.Add(new AgreementFieldError("note", string.IsNullOrWhiteSpace(note) ? AgreementProblem.Required : AgreementProblem.TooLong));
        }

        if (errors.Count > 0)
        {
            return new AgreementRevisionResult(null, errors);
        }

        var revision = new AgreementRevision { Id = Guid.CreateVersion7(), AgreementId = id, Date = date!.Value, Note = note!.Trim() };
        records.Add(revision);
        await session.CommitAsync(ct);
        return new AgreementRevisionResult(revision, []);
    }

    private static void Apply(Agreement agreement, AgreementDraft draft)
    {
        agreement.Title = draft.Title!.Trim();
        agreement.OrganizationId = draft.OrganizationId!.Trim();
        agreement.ValidFrom = draft.ValidFrom!.Value;
        agreement.ValidUntil = draft.ValidUntil!.Value;
        agreement.Status = draft.Status ?? agreement.Status;
        agreement.BodyId = Trimmed(draft.BodyId);
        agreement.Cycle = draft.Cycle!.Value;
        agreement.PredecessorId = Trimmed(draft.PredecessorId);
        agreement.Recipients = [.. draft.Recipients.Select(r => r.Trim())];
    }

    /// <summary>The party rows become the draft's, in its order; a party that stays keeps its row.</summary>
    private static void KeepParties(IBusRecords records, Agreement agreement, IReadOnlyList<AgreementParty> stored, IReadOnlyList<AgreementPartyDraft> parties)
    {
        var left = stored.ToList();
        for (var position = 0; position < parties.Count; position++)
        {
            var party = parties[position];
            var (board, organization) = (Trimmed(party.BoardId), Trimmed(party.OrganizationId));
            var row = left.FirstOrDefault(p => p.BoardId == board && p.OrganizationId == organization);
            if (row is null)
            {
                row = new AgreementParty { Id = Guid.CreateVersion7(), AgreementId = agreement.Id, BoardId = board, OrganizationId = organization };
                records.Add(row);
            }

            left.Remove(row);
            row.RepresentativeId = Trimmed(party.RepresentativeId);
            row.Involvement = party.Involvement!.Value;
            row.Position = position;
        }

        foreach (var gone in left)
        {
            records.Remove(gone);
        }

        agreement.PartyBoardIds = [.. parties.Where(p => p.Involvement == PartyInvolvement.Decides && Trimmed(p.BoardId) is not null).Select(p => p.BoardId!.Trim())];
    }

    private static string? Trimmed(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();
}
