using System.Text;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Pages;
using BusFlow.Host.Tests.Support;
using NodaTime;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>The draft's upload and the documents list in a real browser, by the mailed link, checked with axe-core.</summary>
public sealed class DocumentBrowserTests
{
    [Fact]
    public async Task A_draft_is_attached_with_the_file_input_listed_on_the_next_task_and_both_pages_pass_axe_WCAG_2_1_A_and_AA()
    {
        await using var host = await TaskPageHost.StartAsync();
        var upload = await host.StartAsync("drafting");
        var draft = Path.Combine(Path.GetTempPath(), $"forslag-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(draft, Encoding.ASCII.GetBytes("%PDF-1.7\n% Förslag\n%%EOF\n"));
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        try
        {
            browser.Navigate().GoToUrl(new Uri(host.BaseAddress, await host.LinkAsync(upload)).ToString());
            Assert.Equal("Ta fram förslag", browser.FindElement(By.TagName("h1")).Text);
            results.Add(("the task page with a file input", AxeCheck.Run(browser)));

            Assert.Equal("true", browser.FindElement(By.Id("field-draft")).GetAttribute("aria-required"));

            host.Clock.Advance(Duration.FromMinutes(1));
            browser.FindElement(By.Id("field-draft")).SendKeys(draft);
            browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
            PageWait.ForHeading(browser, "Tack, ditt svar är mottaget");

            var review = Assert.Single(await host.ReadAsync(s => s.ListTasksAsync(new TaskQuery(InstanceId: upload.InstanceId), default)), t => t.ActivityId == "review");
            browser.Navigate().GoToUrl(new Uri(host.BaseAddress, await host.LinkAsync(review)).ToString());
            var row = browser.FindElement(By.CssSelector("table.documents tbody tr"));
            Assert.StartsWith($"{Path.GetFileName(draft)} 1 ", row.Text, StringComparison.Ordinal);
            var stored = Assert.Single(await host.ReadAsync(s => s.Facet<IDocuments>().ListAsync($"agreement/{upload.InstanceId}", [], default)));
            Assert.Contains(stored.ChecksumShort, row.Text, StringComparison.Ordinal);
            results.Add(("the next task's documents list", AxeCheck.Run(browser)));
            Screenshots.Save(browser, "task-documents");
        }
        finally
        {
            File.Delete(draft);
        }

        AssertPassed(results);
    }

    [Fact]
    public async Task Signed_in_the_answer_page_refuses_a_file_whose_content_is_not_its_name_takes_the_pdf_lists_it_on_the_next_task_and_passes_axe()
    {
        await using var host = await TaskPageHost.StartAsync();
        var upload = await host.StartAsync("drafting");
        await TestSessions.PrepareAsync(host.Host.Services, TaskPageHost.Anna, [], totp: false);
        var folder = Directory.CreateTempSubdirectory("busflow-documents-").FullName;
        var html = Path.Combine(folder, "forslag.pdf");
        await File.WriteAllTextAsync(html, "<html><body>Förslag</body></html>");
        var pdf = Path.Combine(folder, "overenskommelse.pdf");
        await File.WriteAllBytesAsync(pdf, Encoding.ASCII.GetBytes("%PDF-1.7\n% Förslag\n%%EOF\n"));
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        try
        {
            BrowserSignIn.SignIn(browser, host.Host.BaseAddress, TaskPageHost.Anna, TestAccounts.Password, totpKey: null);
            PageWait.Until(browser, b => !b.Url.Contains("/konto/logga-in", StringComparison.Ordinal), "signed in");
            browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/mina-uppgifter/{upload.Id}"));
            Assert.Equal("multipart/form-data", browser.FindElement(By.CssSelector("main form")).GetAttribute("enctype"));
            results.Add(("the answer page with a file input", AxeCheck.Run(browser)));

            browser.FindElement(By.Id("data-draft")).SendKeys(html);
            browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
            PageWait.Until(browser, b => b.PageSource.Contains("är inte en PDF", StringComparison.Ordinal), "the page saying the file is not a PDF");
            results.Add(("the answer page refusing the file", AxeCheck.Run(browser)));
            Assert.Empty(await host.ReadAsync(s => s.Facet<IDocuments>().ListAsync($"agreement/{upload.InstanceId}", [], default)));

            host.Clock.Advance(Duration.FromMinutes(1));
            browser.FindElement(By.Id("data-draft")).SendKeys(pdf);
            browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
            PageWait.Until(browser, b => b.FindElements(By.CssSelector("main form")).Count == 0, "the answer recorded");

            var review = Assert.Single(await host.ReadAsync(s => s.ListTasksAsync(new TaskQuery(InstanceId: upload.InstanceId), default)), t => t.ActivityId == "review");
            browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/mina-uppgifter/{review.Id}"));
            var stored = Assert.Single(await host.ReadAsync(s => s.Facet<IDocuments>().ListAsync($"agreement/{upload.InstanceId}", [], default)));
            var link = browser.FindElement(By.CssSelector("table.documents tbody a"));
            Assert.Equal(("overenskommelse.pdf", $"/dokument/{stored.Id}?uppgift={review.Id}"), (link.Text, new Uri(link.GetAttribute("href")!).PathAndQuery));
            Assert.Contains(stored.ChecksumShort, browser.FindElement(By.CssSelector("table.documents tbody")).Text, StringComparison.Ordinal);
            results.Add(("the next task's documents list", AxeCheck.Run(browser)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        AssertPassed(results);
    }

    private static void AssertPassed(List<(string Page, AxeResult Result)> results)
    {
        Assert.All(results, r => Assert.Superset(new HashSet<string> { "html-has-lang", "document-title" }, r.Result.Passed.ToHashSet()));
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core {results[0].Result.AxeVersion} found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
