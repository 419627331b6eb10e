using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>The agreement as saved, or why nothing was saved: the fields in error, or no such agreement.</summary>
public sealed record AgreementSaveResult(Agreement? Agreement, IReadOnlyList<AgreementFieldError> Errors)
{
    public bool Found => Agreement is not null || Errors.Count > 0;

    public static AgreementSaveResult NotFound { get; } = new(null, []);
}
