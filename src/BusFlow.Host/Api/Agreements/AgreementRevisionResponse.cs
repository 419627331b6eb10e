using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

public sealed record AgreementRevisionResponse(Guid Id, string AgreementId, LocalDate Date, string Note)
{
    public static AgreementRevisionResponse Of(AgreementRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new(revision.Id, revision.AgreementId, revision.Date, revision.Note);
    }
}
