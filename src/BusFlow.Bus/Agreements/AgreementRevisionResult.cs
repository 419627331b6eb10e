using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>The revision as saved, or why nothing was saved: its date or note in error, or no such agreement.</summary>
public sealed record AgreementRevisionResult(AgreementRevision? Revision, IReadOnlyList<AgreementFieldError> Errors)
{
    public bool Found => Revision is not null || Errors.Count > 0;

    public static AgreementRevisionResult NotFound { get; } = new(null, []);
}
