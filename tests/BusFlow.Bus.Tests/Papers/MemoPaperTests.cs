using BusFlow.Bus.Papers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NodaTime;

namespace BusFlow.Bus.Tests.Papers;

/// <summary>The memo (tjänsteskrivelse) written from a template and read back with OpenXml, as Word would open it.</summary>
public sealed class MemoPaperTests
{
    private static readonly MemoFacts Facts = new(
        new LocalDate(2026, 11, 16),
        "Arita Halili",
        "2026.014 SN",
        "Socialnämnden",
        "Samverkansöverenskommelse BUS 2027–2030",
        "En ny samverkansöverenskommelse har tagits fram.\nDen ska beslutas av respektive nämnd.",
        "Samverkan ska ske mellan berörda nämnder.",
        "Socialnämnden godkänner överenskommelsen.",
        ["Barn- och ungdomsnämnden", "Kommunstyrelsen"]);

    [Fact]
    public void The_default_templates_memo_carries_the_registration_number_and_every_fact_with_no_placeholder_left()
    {
        var memo = MemoPaper.Write(DefaultMemoTemplate.Create(), Facts);

        var text = TextOf(memo);
        Assert.Contains("Diarienummer: 2026.014 SN", text, StringComparison.Ordinal);
        Assert.Contains("Datum: 2026-11-16", text, StringComparison.Ordinal);
        Assert.Contains("Handläggare: Arita Halili", text, StringComparison.Ordinal);
        Assert.Contains("Samverkansöverenskommelse BUS 2027–2030", text, StringComparison.Ordinal);
        Assert.Contains("En ny samverkansöverenskommelse har tagits fram.", text, StringComparison.Ordinal);
        Assert.Contains("Samverkan ska ske mellan berörda nämnder.", text, StringComparison.Ordinal);
        Assert.Contains("Socialnämnden godkänner överenskommelsen.", text, StringComparison.Ordinal);
        Assert.Contains("Barn- och ungdomsnämnden", text, StringComparison.Ordinal);
        Assert.Contains("Kommunstyrelsen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(MemoPlaceholders.All.Select(p => p.Name), PlaceholdersOf(DefaultMemoTemplate.Create()));
    }

    [Fact]
    public void A_placeholder_word_split_over_several_runs_is_filled_and_the_text_around_it_kept()
    {
        var template = Document(new Paragraph(
            new Run(new Text("Dnr: {") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new Bold()), new Text("{diarie")),
            new Run(new Text("nummer}} (")),
            new Run(new Text("{{handlaggare}})") { Space = SpaceProcessingModeValues.Preserve })));

        var text = TextOf(MemoPaper.Write(template, Facts));

        Assert.Equal("Dnr: 2026.014 SN (Arita Halili)", text.Trim());
    }

    [Fact]
    public void A_line_break_in_a_fact_becomes_a_break_in_the_memo()
    {
        using var stream = new MemoryStream(MemoPaper.Write(DefaultMemoTemplate.Create(), Facts));
        using var document = WordprocessingDocument.Open(stream, false);

        var paragraph = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("En ny", StringComparison.Ordinal));
        Assert.Single(paragraph.Descendants<Break>());
        Assert.Equal("En ny samverkansöverenskommelse har tagits fram.Den ska beslutas av respektive nämnd.", paragraph.InnerText);
    }

    [Fact]
    public void A_template_with_an_unknown_placeholder_is_refused_with_the_placeholder_named()
    {
        var template = Document(new Paragraph(new Run(new Text("{{diarienummer}} {{namnd}} {{ansvarig_chef}}"))));

        var check = PaperTemplateCheck.Check(template);

        Assert.Equal(PaperTemplateProblem.UnknownPlaceholder, check.Problem);
        Assert.Equal(["ansvarig_chef"], check.UnknownPlaceholders);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_as_such()
    {
        Assert.Equal(PaperTemplateProblem.NotADocx, PaperTemplateCheck.Check("%PDF-1.7 not a docx"u8.ToArray()).Problem);
        Assert.Equal(PaperTemplateProblem.Empty, PaperTemplateCheck.Check([]).Problem);
        Assert.True(PaperTemplateCheck.Check(DefaultMemoTemplate.Create()).Accepted);
    }

    internal static string TextOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private static IReadOnlyList<string> PlaceholdersOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return DocxPlaceholders.Find(document);
    }

    private static byte[] Document(params Paragraph[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(paragraphs));
        }

        return stream.ToArray();
    }
}
