using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>The directory an agreement may name, and every error of a draft checked against it.</summary>
internal sealed class AgreementChecks(
    IReadOnlySet<string> organizations, IReadOnlySet<string> boards, IReadOnlySet<string> people, IReadOnlySet<string> bodies, IReadOnlySet<string> agreements)
{
    private readonly List<AgreementFieldError> _errors = [];

    public static async Task<AgreementChecks> ReadAsync(IBusRecords records, CancellationToken ct) => new(
        (await records.ListOrganizationsAsync(ct)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal),
        (await records.ListBoardsAsync(ct)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal),
        (await records.ListPeopleAsync(ct)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal),
        (await records.ListBodiesAsync(ct)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal),
        (await records.ListAgreementsAsync(ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Every error of the draft, in the order of its fields; <paramref name="current"/> is the agreement changed, null for a new one.</summary>
    public IReadOnlyList<AgreementFieldError> Of(AgreementDraft draft, Agreement? current)
    {
        var title = draft.Title?.Trim() ?? "";
        Check("title", title.Length == 0 ? AgreementProblem.Required : title.Length > AgreementRules.TitleMaxLength ? AgreementProblem.TooLong : null);
        var organization = draft.OrganizationId?.Trim() ?? "";
        Check("organizationId", organization.Length == 0 ? AgreementProblem.Required : organizations.Contains(organization) ? null : AgreementProblem.NoOrganization);
        Check("validFrom", draft.ValidFrom is null ? AgreementProblem.Required : null);
        Check("validUntil", draft.ValidUntil is not { } until ? AgreementProblem.Required : until < draft.ValidFrom ? AgreementProblem.EndsBeforeStart : null);
        Check("status", draft.Status is { } status && status != current?.Status && !AgreementRules.MaySet(status) ? AgreementProblem.StatusNotSettable : null);
        var inForce = (draft.Status ?? current?.Status) == AgreementStatus.Active;
        Check("bodyId", Blank(draft.BodyId) ? (inForce ? AgreementProblem.BodyNeeded : null) : bodies.Contains(draft.BodyId!.Trim()) ? null : AgreementProblem.NoBody);
        Check("cycle", draft.Cycle is null ? AgreementProblem.Required : null);
        CheckParties(draft.Parties);
        CheckRecipients(draft.Recipients);
        var predecessor = draft.PredecessorId?.Trim();
        Check("predecessorId", Blank(predecessor) ? null
            : predecessor == current?.Id ? AgreementProblem.OwnPredecessor
            : agreements.Contains(predecessor!) ? null : AgreementProblem.NoAgreement);
        return _errors;
    }

    private void CheckParties(IReadOnlyList<AgreementPartyDraft> parties)
    {
        Check("parties", parties.Count == 0 ? AgreementProblem.NoParties : null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            var path = $"parties[{i}]";
            var board = party.BoardId?.Trim();
            var organization = party.OrganizationId?.Trim();
            if (Blank(board) == Blank(organization))
            {
                Check($"{path}.boardId", AgreementProblem.BoardOrOrganization);
            }
            else if (!Blank(board))
            {
                Check($"{path}.boardId", !boards.Contains(board!) ? AgreementProblem.NoBoard : seen.Add(board!) ? null : AgreementProblem.PartyTwice);
            }
            else
            {
                Check($"{path}.organizationId", !organizations.Contains(organization!) ? AgreementProblem.NoOrganization : seen.Add(organization!) ? null : AgreementProblem.PartyTwice);
            }

            Check($"{path}.representativeId", Blank(party.RepresentativeId) || people.Contains(party.RepresentativeId!.Trim()) ? null : AgreementProblem.NoPerson);
            Check($"{path}.involvement", party.Involvement is null ? AgreementProblem.Required : null);
        }
    }

    private void CheckRecipients(IReadOnlyList<string> recipients)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i]?.Trim() ?? "";
            Check($"recipients[{i}]", !boards.Contains(recipient) && !organizations.Contains(recipient) ? AgreementProblem.NotARecipient
                : seen.Add(recipient) ? null : AgreementProblem.RecipientTwice);
        }
    }

    private void Check(string field, AgreementProblem? problem)
    {
        if (problem is { } found)
        {
            _errors.Add(new AgreementFieldError(field, found));
        }
    }

    private static bool Blank(string? id) => string.IsNullOrWhiteSpace(id);
}
