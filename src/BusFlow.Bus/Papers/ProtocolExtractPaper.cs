using BusFlow.Bus.Model;

namespace BusFlow.Bus.Papers;

/// <summary>
/// The protocol extract (protokollsutdrag) of a board's decision as a DOCX, written by BusFlow itself:
/// the board, the meeting's date, the paragraph, the matter, the outcome, the text decided, who
/// certified the minutes (justerat) and who the decision is sent to.
/// </summary>
public static class ProtocolExtractPaper
{
    public static byte[] Write(ProtocolExtractFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var writer = new DocxWriter()
            .Title("Protokollsutdrag")
            .Line(facts.BoardName)
            .Labelled("Sammanträdesdatum:", facts.MeetingDate.ToString("yyyy-MM-dd", null))
            .Labelled("Paragraf:", ParagraphText(facts.Paragraph));
        if (facts.RegistrationNumber is { Length: > 0 } number)
        {
            writer.Labelled("Diarienummer:", number);
        }

        writer.Heading(facts.Subject)
            .Heading("Beslut")
            .Line(OutcomeText(facts.Outcome));
        if (facts.DecidedText is { Length: > 0 } text)
        {
            writer.Line(text);
        }

        writer.Labelled("Justerat av:", facts.CertifiedBy);
        if (facts.SendTo.Count > 0)
        {
            writer.Heading("Beslutet skickas till").Line(string.Join("\n", facts.SendTo));
        }

        return writer.ToBytes();
    }

    public static string FileNameOf(ProtocolExtractFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return $"Protokollsutdrag {PaperFileNames.Safe(facts.BoardName)} {facts.MeetingDate:yyyy-MM-dd} {PaperFileNames.Safe(ParagraphText(facts.Paragraph))}.docx";
    }

    /// <summary>The outcome as the minutes say it.</summary>
    public static string OutcomeText(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approve => "Nämnden beslutar att bifalla förslaget.",
        DecisionOutcome.Reject => "Nämnden beslutar att avslå förslaget.",
        DecisionOutcome.ReferBack => "Nämnden beslutar att återremittera ärendet.",
        _ => "Nämnden beslutar att bordlägga ärendet.",
    };

    private static string ParagraphText(string paragraph) =>
        paragraph.TrimStart().StartsWith('§') ? paragraph.Trim() : $"§ {paragraph.Trim()}";
}
