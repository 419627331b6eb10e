using DocumentFormat.OpenXml.Packaging;

namespace BusFlow.Bus.Papers;

/// <summary>A board's memo (tjänsteskrivelse) as a DOCX: the template with each placeholder filled from the round's data.</summary>
public static class MemoPaper
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The filled memo. The template must have passed <see cref="PaperTemplateCheck"/>.</summary>
    public static byte[] Write(byte[] template, MemoFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            DocxPlaceholders.Fill(document, facts.ValueOf);
        }

        return stream.ToArray();
    }

    /// <summary>The memo's file name: the registration number (or the board) makes it the board's own.</summary>
    public static string FileNameOf(MemoFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var key = facts.RegistrationNumber is { Length: > 0 } number ? number : facts.BoardName;
        return $"Tjänsteskrivelse {PaperFileNames.Safe(key)}.docx";
    }
}
