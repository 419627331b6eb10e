using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Tests.Pages;

/// <summary>Documents through the mailed link: a draft is uploaded with the answer, refused with a reason when it is not right, and served only to the case's links.</summary>
public sealed class TaskLinkDocumentTests
{
    private static readonly byte[] Draft = Encoding.ASCII.GetBytes("%PDF-1.7\n% Förslag till samverkansöverenskommelse\n%%EOF\n");

    [Fact]
    public async Task A_pdf_uploaded_by_the_link_is_stored_as_version_1_and_the_next_task_lists_it_and_serves_it_as_an_attachment()
    {
        await using var host = await TaskPageHost.StartAsync();
        var upload = await host.StartAsync("drafting");
        using var browser = host.NewClient();
        var form = await browser.GetAsync(await host.LinkAsync(upload));
        Assert.Contains("enctype=\"multipart/form-data\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("PDF eller DOCX, högst 4 kB.", form.Text, StringComparison.Ordinal);

        host.Clock.Advance(Duration.FromMinutes(1));
        var receipt = await browser.PostWithFileAsync(await host.LinkAsync(upload), ("data.draft", "förslag.pdf", Draft), ("outcome", "ready"));

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        var stored = Assert.Single(await DocumentsAsync(host, upload));
        Assert.Equal((1, "förslag.pdf", "application/pdf", Draft.LongLength, upload.Id), (stored.Version, stored.FileName, stored.ContentType, stored.Size, stored.TaskId));
        var answered = JsonNode.Parse((await host.TaskAsync(upload.Id)).AnswerDataJson!)!["draft"]!;
        Assert.Equal((stored.Id.ToString(), 1, stored.Checksum), ((string)answered["documentId"]!, (int)answered["version"]!, (string)answered["checksum"]!));

        var review = await OpenTaskAsync(host, upload.InstanceId, "review");
        var reviewLink = await host.LinkAsync(review);
        var page = await browser.GetAsync(reviewLink);
        Assert.Contains("förslag.pdf", page.Text, StringComparison.Ordinal);
        Assert.Contains(stored.ChecksumShort, page.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{reviewLink}/dokument/{stored.Id}\"", page.Html, StringComparison.Ordinal);

        var file = await browser.GetAsync($"{reviewLink}/dokument/{stored.Id}");

        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Equal("application/pdf", file.Headers["Content-Type"]);
        Assert.StartsWith("attachment;", file.Headers["Content-Disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", file.Headers["X-Content-Type-Options"]);
        Assert.Equal(Encoding.ASCII.GetString(Draft), file.Html);
    }

    [Theory]
    [InlineData("too-large", "Filen ”förslag.pdf” är större än de 4 kB som tas emot.")]
    [InlineData("html", "Filen ”förslag.pdf” är inte en PDF, DOCX eller ODT-fil.")]
    [InlineData("docx-named-pdf", "Filen ”förslag.pdf” innehåller ett DOCX-dokument men namnet slutar inte på .docx.")]
    [InlineData("empty", "Filen ”förslag.pdf” är tom.")]
    public async Task A_file_too_large_of_a_type_not_taken_or_not_matching_its_name_is_refused_with_why_and_nothing_is_stored(string kind, string message)
    {
        await using var host = await TaskPageHost.StartAsync();
        var upload = await host.StartAsync("drafting");
        var link = await host.LinkAsync(upload);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        var page = await browser.PostWithFileAsync(link, ("data.draft", "förslag.pdf", Content(kind)), ("outcome", "ready"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"#field-draft\"", page.Html, StringComparison.Ordinal);
        Assert.Empty(await DocumentsAsync(host, upload));
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(upload.Id)).Status);
    }

    [Fact]
    public async Task An_answer_without_the_required_draft_is_refused_and_a_repeated_post_does_not_store_twice()
    {
        await using var host = await TaskPageHost.StartAsync();
        var upload = await host.StartAsync("drafting");
        var link = await host.LinkAsync(upload);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        var missing = await browser.PostAsync(link, ("outcome", "ready"), ("data.draft", "förslag.pdf"));
        var taken = await browser.PostWithFileAsync(link, ("data.draft", "förslag.pdf", Draft), ("outcome", "ready"));
        var again = await browser.PostWithFileAsync(link, ("data.draft", "förslag.pdf", Draft), ("outcome", "ready"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Contains("Bifoga en fil: Förslag.", missing.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Single(await DocumentsAsync(host, upload));
    }

    [Fact]
    public async Task A_document_is_served_neither_to_a_wrong_link_nor_an_expired_one_nor_to_the_link_of_another_case()
    {
        await using var host = await TaskPageHost.StartAsync();
        var (document, reviewLink) = await UploadedAsync(host);
        var (_, otherCaseLink) = await UploadedAsync(host);
        using var browser = host.NewClient();

        var wrong = await browser.GetAsync($"/t/AAAAAAAAAAAAAAAAAAAAAA/dokument/{document.Id}");
        var otherCase = await browser.GetAsync($"{otherCaseLink}/dokument/{document.Id}");
        var own = await browser.GetAsync($"{reviewLink}/dokument/{document.Id}");
        // Due 10 December; the link holds 14 days more, to the end of 24 December.
        host.Clock.Reset(Instant.FromUtc(2026, 12, 24, 23, 0));
        var expired = await browser.GetAsync($"{reviewLink}/dokument/{document.Id}");

        Assert.Equal((HttpStatusCode.NotFound, false), (wrong.Status, wrong.Headers.ContainsKey("Content-Disposition")));
        Assert.Equal((HttpStatusCode.NotFound, "Dokumentet finns inte här"), (otherCase.Status, otherCase.Heading));
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal((HttpStatusCode.Gone, "Länken har gått ut"), (expired.Status, expired.Heading));
        Assert.DoesNotContain("%PDF", wrong.Html + otherCase.Html + expired.Html, StringComparison.Ordinal);
    }

    /// <summary>A drafting instance with its draft uploaded: the document and the review task's link.</summary>
    private static async Task<(StoredDocument Document, string ReviewLink)> UploadedAsync(TaskPageHost host)
    {
        var upload = await host.StartAsync("drafting");
        using var browser = host.NewClient();
        var link = await host.LinkAsync(upload);
        await browser.GetAsync(link);
        host.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.PostWithFileAsync(link, ("data.draft", "förslag.pdf", Draft), ("outcome", "ready"))).Status);
        var review = await OpenTaskAsync(host, upload.InstanceId, "review");
        return (Assert.Single(await DocumentsAsync(host, upload)), await host.LinkAsync(review));
    }

    private static Task<IReadOnlyList<StoredDocument>> DocumentsAsync(TaskPageHost host, HumanTask task) =>
        host.ReadAsync(s => s.Facet<IDocuments>().ListAsync($"agreement/{task.InstanceId}", [], default));

    private static async Task<HumanTask> OpenTaskAsync(TaskPageHost host, Guid instanceId, string activity) =>
        Assert.Single(await host.ReadAsync(s => s.ListTasksAsync(new TaskQuery(InstanceId: instanceId), default)), t => t.ActivityId == activity && t.Status == HumanTaskStatus.Open);

    private static byte[] Content(string kind) => kind switch
    {
        "too-large" => Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 5000)),
        "html" => "<html><body><script>alert(1)</script></body></html>"u8.ToArray(),
        "docx-named-pdf" => Docx(),
        _ => [],
    };

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        return buffer.ToArray();
    }
}
