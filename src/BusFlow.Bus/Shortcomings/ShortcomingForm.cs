namespace BusFlow.Bus.Shortcomings;

/// <summary>What the report form offers for an agreement: its title, and its parties (id, name) to choose from.</summary>
public sealed record ShortcomingForm(string AgreementId, string AgreementTitle, IReadOnlyList<(string Id, string Name)> Parties);
