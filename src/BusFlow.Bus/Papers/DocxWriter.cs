using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BusFlow.Bus.Papers;

/// <summary>A plain Word document written paragraph by paragraph: the papers BusFlow makes itself (the default memo template, the protocol extract).</summary>
internal sealed class DocxWriter
{
    private readonly List<Paragraph> _paragraphs = [];

    public DocxWriter Title(string text) => Add(text, bold: true, halfPoints: 32);

    public DocxWriter Heading(string text) => Add(text, bold: true, halfPoints: 26);

    public DocxWriter Line(string text) => Add(text, bold: false, halfPoints: 24);

    /// <summary>A label in bold followed by its value on the same line.</summary>
    public DocxWriter Labelled(string label, string value)
    {
        _paragraphs.Add(new Paragraph(Run(label + " ", bold: true, 24), Run(value, bold: false, 24)));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_paragraphs.Select(p => p.CloneNode(true))));
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new ThemeFontLanguages { Val = "sv-SE" });
            document.PackageProperties.Language = "sv-SE";
        }

        return stream.ToArray();
    }

    private DocxWriter Add(string text, bool bold, int halfPoints)
    {
        _paragraphs.Add(new Paragraph(Run(text, bold, halfPoints)));
        return this;
    }

    private static Run Run(string text, bool bold, int halfPoints)
    {
        var properties = new RunProperties(new Languages { Val = "sv-SE" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var run = new Run(properties, new Text(lines[0]) { Space = SpaceProcessingModeValues.Preserve });
        foreach (var line in lines.Skip(1))
        {
            run.Append(new Break(), new Text(line) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }
}
