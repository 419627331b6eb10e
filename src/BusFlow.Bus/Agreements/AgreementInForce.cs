using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>
/// The agreement a collaboration runs under now, for an agreement a workflow works on. A successor
/// being drafted, decided or signed is not yet in force: while its predecessor is active, the
/// collaboration is the predecessor's. An agreement that has ended — superseded by its successor, or
/// lapsed unrenewed while the successor is still being decided (the cycles then run under the
/// successor) — has handed the collaboration over to its successor. Otherwise (a first agreement, one
/// that ended with no successor) it is the agreement itself.
/// </summary>
public static class AgreementInForce
{
    /// <returns>The agreement in force; null when <paramref name="agreementId"/> names none.</returns>
    public static async Task<Agreement?> OfAsync(IBusRecords records, string agreementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var agreement = await records.FindAgreementAsync(agreementId, ct);
        if (agreement is { Status: AgreementStatus.Draft or AgreementStatus.InDecision or AgreementStatus.Signed, PredecessorId: { } predecessorId })
        {
            return await records.FindAgreementAsync(predecessorId, ct) is { Status: AgreementStatus.Active } predecessor ? predecessor : agreement;
        }

        if (agreement is not { Status: AgreementStatus.Superseded or AgreementStatus.Expired })
        {
            return agreement;
        }

        // Each step asks for one agreement's renewals: every mail about a renewed agreement comes this way,
        // and reading (and tracking) all of the installation's agreements for it made a mail cost more the
        // more collaborations a node serves.
        var passed = new HashSet<string>(StringComparer.Ordinal) { agreement.Id };
        while (agreement.Status is AgreementStatus.Superseded or AgreementStatus.Expired
               && (await records.ListSuccessorsAsync(agreement.Id, ct)).FirstOrDefault(a => !passed.Contains(a.Id)) is { } successor)
        {
            passed.Add(successor.Id);
            agreement = successor;
        }

        return agreement;
    }
}
