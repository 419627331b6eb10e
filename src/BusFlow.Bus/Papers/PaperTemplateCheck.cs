using DocumentFormat.OpenXml.Packaging;

namespace BusFlow.Bus.Papers;

/// <summary>
/// Whether an uploaded file can be the memo template: a Word document (DOCX) no larger than
/// <see cref="MaxBytes"/>, whose placeholders are all memo placeholders.
/// </summary>
public static class PaperTemplateCheck
{
    /// <summary>5 MB: a letterhead's logo fits, a file that is not a template does not.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static PaperTemplateCheckResult Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return PaperTemplateCheckResult.Refused(PaperTemplateProblem.Empty);
        }

        if (content.Length > MaxBytes)
        {
            return PaperTemplateCheckResult.Refused(PaperTemplateProblem.TooLarge);
        }

        IReadOnlyList<string> placeholders;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            if (document.MainDocumentPart?.Document?.Body is null || document.DocumentType != DocumentFormat.OpenXml.WordprocessingDocumentType.Document)
            {
                return PaperTemplateCheckResult.Refused(PaperTemplateProblem.NotADocx);
            }

            placeholders = DocxPlaceholders.Find(document);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or ArgumentException or InvalidOperationException)
        {
            return PaperTemplateCheckResult.Refused(PaperTemplateProblem.NotADocx);
        }

        var unknown = placeholders.Where(p => !MemoPlaceholders.IsKnown(p)).ToList();
        return unknown.Count > 0
            ? PaperTemplateCheckResult.Refused(PaperTemplateProblem.UnknownPlaceholder, unknown)
            : new PaperTemplateCheckResult(null, [], placeholders);
    }
}
