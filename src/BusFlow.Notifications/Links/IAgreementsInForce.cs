using BusFlow.Engine.Persistence;

namespace BusFlow.Notifications.Links;

/// <summary>
/// Which agreement a report link names, given the agreement a mail's workflow works on: the one the
/// collaboration runs under now. A renewal round works on the successor draft, but a shortcoming is
/// in the collaboration as it runs, under the agreement in force. An extension point, read in the
/// transaction that writes the mail: the domain registers one; without one the agreement named is
/// taken as it is.
/// </summary>
public interface IAgreementsInForce
{
    /// <returns>The agreement in force for <paramref name="agreementId"/>; null when there is no such agreement.</returns>
    Task<ReportedAgreement?> InForceAsync(string agreementId, IWorkflowSession session, CancellationToken ct);
}
