using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;

namespace BusFlow.Storage.Bus;

/// <summary>A report link names the agreement in force (<see cref="AgreementInForce"/>), read from the BUS records in the mail's transaction.</summary>
internal sealed class BusAgreementsInForce : IAgreementsInForce
{
    public async Task<ReportedAgreement?> InForceAsync(string agreementId, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await AgreementInForce.OfAsync(session.Facet<IBusRecords>(), agreementId, ct) is { } agreement
            ? new ReportedAgreement(agreement.Id, agreement.Title)
            : null;
    }
}
