using System.Net;
using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// The memo (tjänsteskrivelse) of a board's decision task, downloaded as a DOCX, and the memo template
/// an administrator replaces, on the demo's renewal round in late November 2026.
/// </summary>
public sealed class MemoPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private SessionClient Secretary => host.Callers[Caller.SecretaryOfAnotherBoard];

    private SessionClient Administrator => host.Callers[Caller.Administrator];

    [Fact]
    public async Task The_boards_secretary_downloads_the_memo_of_her_decision_task_with_the_registration_number_she_gave()
    {
        var page = await Secretary.Http.GetAsync($"/mina-uppgifter/{host.OwnBoardTask.Id}");
        using var memo = await Secretary.Http.GetAsync($"/mina-uppgifter/{host.OwnBoardTask.Id}/tjansteskrivelse");

        Assert.Contains($"href=\"/mina-uppgifter/{host.OwnBoardTask.Id}/tjansteskrivelse\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, memo.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", memo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", memo.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Tjänsteskrivelse 2026.014 SN.docx", memo.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", memo.Headers.GetValues("X-Content-Type-Options").Single());
        var text = TextOf(await memo.Content.ReadAsByteArrayAsync());
        Assert.Contains(RegistrationNumbers.Of(DemoMunicipality.SocialBoardId), text, StringComparison.Ordinal);
        Assert.Contains("Socialnämnden", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signed_in_who_sees_neither_the_task_nor_the_agreement_is_refused_the_memo()
    {
        using var outsider = await TestSessions.SignedInAsync(host.Host, $"utomstaende-{Guid.NewGuid():N}@exempelby.test", [], totp: false);

        using var memo = await outsider.Http.GetAsync($"/mina-uppgifter/{host.OwnBoardTask.Id}/tjansteskrivelse");

        Assert.Equal(HttpStatusCode.Redirect, memo.StatusCode);
        Assert.StartsWith("/konto/nekad", memo.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_naming_it_and_the_memo_is_unchanged()
    {
        var before = TextOf(await Administrator.Http.GetByteArrayAsync("/dokumentmallar/tjansteskrivelse?handler=Download"));

        using var refused = await UploadAsync(Template("Dnr {{diarienummer}}, ansvarig {{ansvarig_chef}}"));
        using var notDocx = await UploadAsync("%PDF-1.7"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Mallen har en platshållare som BusFlow inte känner till: {{ansvarig_chef}}.", await PageText.OfAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notDocx.StatusCode);
        Assert.Contains("Filen är inte ett Word-dokument (DOCX).", await PageText.OfAsync(notDocx), StringComparison.Ordinal);
        Assert.Equal(before, TextOf(await Administrator.Http.GetByteArrayAsync("/dokumentmallar/tjansteskrivelse?handler=Download")));
    }

    [Fact]
    public async Task The_municipalitys_own_template_once_uploaded_is_the_one_the_memo_is_written_from()
    {
        using var uploaded = await UploadAsync(Template("Kommunens mall. Dnr {{diarienummer}} för {{namnd}}, {{forslag_till_beslut}}"));
        using var memo = await Secretary.Http.GetAsync($"/mina-uppgifter/{host.OwnBoardTask.Id}/tjansteskrivelse");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("är uppladdad och används för nästa tjänsteskrivelse", await PageText.OfAsync(uploaded), StringComparison.Ordinal);
        Assert.StartsWith("Kommunens mall. Dnr 2026.014 SN för Socialnämnden, ", TextOf(await memo.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] content) =>
        Administrator.PostFileAsync("/dokumentmallar/tjansteskrivelse", "file", "mall.docx", content, "/dokumentmallar/tjansteskrivelse?handler=Upload");

    private static string TextOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>A one-paragraph template, its text split into runs mid-placeholder as Word does.</summary>
    private static byte[] Template(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var runs = text.Chunk(7).Select(chunk => new Run(new Text(new string(chunk)) { Space = SpaceProcessingModeValues.Preserve }));
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(runs)));
        }

        return stream.ToArray();
    }
}
