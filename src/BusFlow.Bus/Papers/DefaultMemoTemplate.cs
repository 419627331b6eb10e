namespace BusFlow.Bus.Papers;

/// <summary>
/// The memo template BusFlow ships, used until an administrator uploads the municipality's own: written
/// here with OpenXml (no file in the repository), with every placeholder of <see cref="MemoPlaceholders"/>
/// laid out as seed 001's memo is.
/// </summary>
public static class DefaultMemoTemplate
{
    public const string FileName = "tjansteskrivelse-mall.docx";

    public static byte[] Create() => new DocxWriter()
        .Title("Tjänsteskrivelse")
        .Labelled("Datum:", Placeholder(MemoPlaceholders.Date))
        .Labelled("Handläggare:", Placeholder(MemoPlaceholders.CaseOfficer))
        .Labelled("Diarienummer:", Placeholder(MemoPlaceholders.RegistrationNumber))
        .Line("")
        .Line(Placeholder(MemoPlaceholders.Board))
        .Heading(Placeholder(MemoPlaceholders.Subject))
        .Heading("Ärendebeskrivning")
        .Line(Placeholder(MemoPlaceholders.CaseDescription))
        .Heading("Förvaltningens yttrande")
        .Line(Placeholder(MemoPlaceholders.Opinion))
        .Heading("Förslag till beslut")
        .Line(Placeholder(MemoPlaceholders.ProposedDecision))
        .Heading("Beslutet ska skickas till")
        .Line(Placeholder(MemoPlaceholders.SendTo))
        .ToBytes();

    private static string Placeholder(string name) => "{{" + name + "}}";
}
