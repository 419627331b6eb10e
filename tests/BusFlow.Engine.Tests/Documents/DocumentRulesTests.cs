using System.IO.Compression;
using System.Text;
using BusFlow.Engine.Documents;

namespace BusFlow.Engine.Tests.Documents;

public sealed class DocumentRulesTests
{
    private static readonly DocumentRules Rules = new(new DocumentLimits { MaxBytes = 4096 });

    [Fact]
    public void A_pdf_named_pdf_is_taken_with_its_type_read_from_the_content_and_its_sha256()
    {
        var content = Pdf();

        var problem = Rules.Check(new PostedFile("draft", "C:\\Users\\anna\\utkast.pdf", content.Length, content), out var upload);

        Assert.Null(problem);
        Assert.Equal("utkast.pdf", upload!.FileName);
        Assert.Equal("application/pdf", upload.Type.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), upload.Checksum);
    }

    [Fact]
    public void A_docx_is_a_zip_with_content_types_and_word_document_and_an_odt_a_zip_whose_mimetype_says_so()
    {
        Assert.Equal(DocumentType.Docx, DocumentRules.Sniff(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))));
        Assert.Equal(DocumentType.Odt, DocumentRules.Sniff(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>"))));
        Assert.Null(DocumentRules.Sniff(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"))));
        Assert.Null(DocumentRules.Sniff("PK\u0003\u0004 not really a zip"u8));
        Assert.Null(DocumentRules.Sniff("<html><script>alert(1)</script></html>"u8));
    }

    [Fact]
    public void An_empty_file_is_refused_naming_the_field()
    {
        var problem = Rules.Check(new PostedFile("draft", "utkast.pdf", 0, []), out var upload);

        Assert.Null(upload);
        Assert.Equal("data.draft", problem!.Field);
        Assert.Equal("Filen ”utkast.pdf” är tom.", problem.In(swedish: true));
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var content = Pdf(padding: 5000);

        var problem = Rules.Check(new PostedFile("draft", "utkast.pdf", content.Length, content), out var upload);

        Assert.Null(upload);
        Assert.Equal("Filen ”utkast.pdf” är större än de 4 kB som tas emot.", problem!.In(swedish: true));
        Assert.Contains("larger than the 4 kB allowed", problem.In(swedish: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_or_a_spreadsheet_is_refused_as_a_type_not_taken()
    {
        var html = "<html><body>Förslag</body></html>"u8.ToArray();

        var problem = Rules.Check(new PostedFile("draft", "utkast.pdf", html.Length, html), out var upload);

        Assert.Null(upload);
        Assert.Equal("Filen ”utkast.pdf” är inte en PDF, DOCX eller ODT-fil.", problem!.In(swedish: true));
    }

    [Fact]
    public void A_name_whose_extension_does_not_match_the_content_is_refused()
    {
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

        var problem = Rules.Check(new PostedFile("draft", "utkast.pdf", docx.Length, docx), out var upload);

        Assert.Null(upload);
        Assert.Equal("Filen ”utkast.pdf” innehåller ett DOCX-dokument men namnet slutar inte på .docx.", problem!.In(swedish: true));
    }

    [Fact]
    public void A_type_left_out_of_the_allowed_types_is_refused()
    {
        var pdfOnly = new DocumentRules(new DocumentLimits { AllowedTypes = ["pdf"] });
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"));

        var problem = pdfOnly.Check(new PostedFile("draft", "utkast.odt", odt.Length, odt), out _);

        Assert.Equal("Filen ”utkast.odt” är inte en PDF-fil.", problem!.In(swedish: true));
    }

    private static byte[] Pdf(int padding = 0) => Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', padding) + "\n%%EOF\n");

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
