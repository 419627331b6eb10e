namespace BusFlow.Bus.Papers;

/// <summary>The placeholders a memo template may use, each with what it is filled with (in Swedish, as the administrator reads it).</summary>
public static class MemoPlaceholders
{
    public const string Date = "datum";
    public const string CaseOfficer = "handlaggare";
    public const string RegistrationNumber = "diarienummer";
    public const string Board = "namnd";
    public const string Subject = "arende";
    public const string CaseDescription = "arendebeskrivning";
    public const string Opinion = "forvaltningens_yttrande";
    public const string ProposedDecision = "forslag_till_beslut";
    public const string SendTo = "beslutet_skickas_till";

    /// <summary>Every placeholder with its meaning, in the order of a memo.</summary>
    public static IReadOnlyList<(string Name, string MeaningSv, string MeaningEn)> All { get; } =
    [
        (Date, "dagens datum (ÅÅÅÅ-MM-DD)", "today's date (YYYY-MM-DD)"),
        (CaseOfficer, "handläggaren: nämndens sekreterare", "the case officer: the board's secretary"),
        (RegistrationNumber, "ärendets diarienummer i nämnden", "the case's registration number at the board"),
        (Board, "nämndens namn", "the board's name"),
        (Subject, "ärendets rubrik", "the matter's title"),
        (CaseDescription, "ärendebeskrivningen", "the case description"),
        (Opinion, "förvaltningens yttrande", "the administration's opinion"),
        (ProposedDecision, "förslag till beslut", "the proposed decision"),
        (SendTo, "mottagarna enligt överenskommelsen, en per rad", "the agreement's recipients, one a line"),
    ];

    public static bool IsKnown(string name) => All.Any(p => p.Name == name);
}
