using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>
/// The agreement a collaboration runs under now, for an agreement a workflow works on. A successor
/// being drafted, decided or signed is not yet in force: while its predecessor is active, the
/// collaboration is the predecessor's. An agreement superseded by an active successor has handed
/// the collaboration over to it. Otherwise — a first agreement, or a successor whose predecessor
/// lapsed unrenewed (whose cycles then run under the successor) — it is the agreement itself.
/// </summary>
public static class AgreementInForce
{
    /// <returns>The agreement in force; null when <paramref name="agreementId"/> names none.</returns>
    public static async Task<Agreement?> OfAsync(IBusRecords records, string agreementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var agreement = await records.FindAgreementAsync(agreementId, ct);
        return agreement switch
        {
            null => null,
            { Status: AgreementStatus.Draft or AgreementStatus.InDecision or AgreementStatus.Signed, PredecessorId: { } predecessorId } =>
                await records.FindAgreementAsync(predecessorId, ct) is { Status: AgreementStatus.Active } predecessor ? predecessor : agreement,
            { Status: AgreementStatus.Superseded } =>
                (await records.ListAgreementsAsync(ct)).FirstOrDefault(a => a.PredecessorId == agreement.Id && a.Status == AgreementStatus.Active) ?? agreement,
            _ => agreement,
        };
    }
}
