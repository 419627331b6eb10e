using NodaTime;

namespace BusFlow.Bus.Papers;

/// <summary>What a board's memo (tjänsteskrivelse) says: the values of its placeholders.</summary>
public sealed record MemoFacts(
    LocalDate Date,
    string CaseOfficer,
    string RegistrationNumber,
    string BoardName,
    string Subject,
    string CaseDescription,
    string Opinion,
    string ProposedDecision,
    IReadOnlyList<string> SendTo)
{
    /// <summary>The value of a placeholder; null for a name that is not a memo placeholder.</summary>
    public string? ValueOf(string placeholder) => placeholder switch
    {
        MemoPlaceholders.Date => Date.ToString("yyyy-MM-dd", null),
        MemoPlaceholders.CaseOfficer => CaseOfficer,
        MemoPlaceholders.RegistrationNumber => RegistrationNumber,
        MemoPlaceholders.Board => BoardName,
        MemoPlaceholders.Subject => Subject,
        MemoPlaceholders.CaseDescription => CaseDescription,
        MemoPlaceholders.Opinion => Opinion,
        MemoPlaceholders.ProposedDecision => ProposedDecision,
        MemoPlaceholders.SendTo => string.Join("\n", SendTo),
        _ => null,
    };
}
