using BusFlow.Bus.Model;
using BusFlow.Bus.Papers;
using NodaTime;

namespace BusFlow.Bus.Tests.Papers;

/// <summary>The protocol extract (protokollsutdrag) of a board's decision, read back with OpenXml.</summary>
public sealed class ProtocolExtractPaperTests
{
    [Fact]
    public void The_extract_names_the_board_meeting_paragraph_outcome_text_decided_certifier_and_recipients()
    {
        var facts = new ProtocolExtractFacts(
            "Kultur- och utbildningsnämnden", new LocalDate(2026, 11, 26), "§ 112", "Samverkansöverenskommelse BUS 2027–2030", "2026.014 KUN",
            DecisionOutcome.Approve, "Nämnden godkänner samverkansöverenskommelsen.", "Eva Ek", ["Socialnämnden", "Kommunstyrelsen"]);

        var text = MemoPaperTests.TextOf(ProtocolExtractPaper.Write(facts));

        Assert.Equal(
            """
            Protokollsutdrag
            Kultur- och utbildningsnämnden
            Sammanträdesdatum: 2026-11-26
            Paragraf: § 112
            Diarienummer: 2026.014 KUN
            Samverkansöverenskommelse BUS 2027–2030
            Beslut
            Nämnden beslutar att bifalla förslaget.
            Nämnden godkänner samverkansöverenskommelsen.
            Justerat av: Eva Ek
            Beslutet skickas till
            SocialnämndenKommunstyrelsen
            """.ReplaceLineEndings("\n"),
            text);
        Assert.Equal("Protokollsutdrag Kultur- och utbildningsnämnden 2026-11-26 § 112.docx", ProtocolExtractPaper.FileNameOf(facts));
    }
}
