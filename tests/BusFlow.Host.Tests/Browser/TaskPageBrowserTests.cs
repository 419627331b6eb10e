using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// The task pages in a real browser (headless Chromium), reached by the link in a mail that went
/// through a real SMTP server: answered with JavaScript off, and checked with axe-core.
/// </summary>
public sealed class TaskPageBrowserTests : IAsyncLifetime
{
    private const string ReceiptHeading = "Tack, ditt svar är mottaget";

    private MailedTaskHost? _host;

    private MailedTaskHost Host => _host!;

    public async Task InitializeAsync() => _host = await MailedTaskHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_chair_opens_the_link_from_a_real_email_reads_the_task_clicks_approve_and_sees_the_receipt()
    {
        var (instanceId, task) = await Host.StartApprovalAsync();
        var mail = await Host.DeliverTheMailAsync();
        Assert.Equal(MailedTaskHost.Chair, Assert.Single(mail.To.Mailboxes).Address);
        var link = MailedTaskHost.TaskLinkIn(mail);
        using var chromium = HeadlessChromium.Start(javaScript: false);
        var browser = chromium.Driver;
        AssertJavaScriptIsOff(browser);

        browser.Navigate().GoToUrl(link);

        Assert.Equal(MailedTaskHost.TaskTitle, browser.FindElement(By.TagName("h1")).Text);
        Assert.Equal("4 december 2026", DefinitionOf(browser, "Sista dag att svara"));
        Assert.Equal(MailedTaskHost.Chair, DefinitionOf(browser, "Du svarar som"));
        Assert.Contains("Planen har tagits fram av BUS-gruppen.", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Equal(["Godkänn", "Avslå"], browser.FindElements(By.CssSelector("form button[type=submit]")).Select(b => b.Text));
        Assert.Empty(browser.FindElements(By.TagName("script")));

        browser.FindElement(By.XPath("//button[normalize-space()='Godkänn']")).Click();

        PageWait.ForHeading(browser, ReceiptHeading);
        Assert.Contains("Du svarade ”Godkänn”", browser.FindElement(By.CssSelector(".notice")).Text, StringComparison.Ordinal);
        Assert.Equal(MailedTaskHost.TaskTitle, browser.FindElement(By.Id("task-title")).Text);
        Assert.Empty(browser.FindElements(By.TagName("form")));

        var answered = await Host.Host.Client.GetFromJsonAsync<TaskResponse>($"/api/tasks/{task.Id}", RunningHost.Json);
        Assert.Equal((HumanTaskStatus.Completed, "approve", MailedTaskHost.Chair), (answered!.Status, answered.Outcome, answered.CompletedBy));
        var journal = await Host.Host.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instanceId}/journal", RunningHost.Json);
        var completed = Assert.Single(journal!, e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal("link", (string?)completed.Data!["proof"]);
        var evidence = completed.Data["evidence"]!;
        Assert.Equal(("link", MailedTaskHost.Chair), ((string?)evidence["method"], (string?)evidence["recipient"]));
        Assert.Contains("Chrome", (string?)evidence["userAgent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_page_the_receipt_the_code_page_and_a_dead_link_pass_axe_WCAG_2_1_A_and_AA()
    {
        await Host.StartApprovalAsync();
        var link = MailedTaskHost.TaskLinkIn(await Host.DeliverTheMailAsync());
        var site = new Uri(link).GetLeftPart(UriPartial.Authority);
        // axe is a script: this browser runs JavaScript (the pages need none, as the test above shows).
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));

        browser.Navigate().GoToUrl(link);
        Assert.Equal(MailedTaskHost.TaskTitle, browser.FindElement(By.TagName("h1")).Text);
        Check("the task page");
        Screenshots.Save(browser, "task-page");

        browser.Navigate().GoToUrl(link + "?lang=en");
        Assert.Equal("en", browser.FindElement(By.TagName("html")).GetAttribute("lang"));
        Check("the task page in English");

        browser.Navigate().GoToUrl(link);
        browser.FindElement(By.XPath("//button[normalize-space()='Godkänn']")).Click();
        PageWait.ForHeading(browser, ReceiptHeading);
        Check("the receipt");
        Screenshots.Save(browser, "task-receipt");

        browser.Navigate().GoToUrl(link);
        Assert.Empty(browser.FindElements(By.TagName("form")));
        Check("the task page once answered");

        browser.Navigate().GoToUrl(site + "/t/kod");
        Assert.NotNull(browser.FindElement(By.Id("field-code")));
        Check("the code page");

        browser.FindElement(By.Id("field-code")).SendKeys("AAAAA-AAAAA");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the code page saying the code is wrong");
        Check("the code page with a wrong code");

        browser.Navigate().GoToUrl(site + "/t/AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal("Länken fungerar inte", browser.FindElement(By.TagName("h1")).Text);
        Check("an unknown link");

        // Each check really ran the WCAG rules: the ones every page is subject to passed somewhere on it.
        Assert.All(results, r => Assert.Superset(new HashSet<string> { "html-has-lang", "document-title", "color-contrast" }, r.Result.Passed.ToHashSet()));
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core {results[0].Result.AxeVersion} found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    /// <summary>
    /// The browser really runs no script: a page whose script would change its text keeps it. (The
    /// driver's own ExecuteScript goes through DevTools and is not a page script, so it proves nothing.)
    /// </summary>
    private static void AssertJavaScriptIsOff(IWebDriver browser)
    {
        browser.Navigate().GoToUrl("data:text/html;charset=utf-8,<title>js</title><p id=probe>off</p><script>document.getElementById('probe').textContent='on'</script>");
        Assert.Equal("off", browser.FindElement(By.Id("probe")).Text);
    }

    /// <summary>The text of the &lt;dd&gt; under the &lt;dt&gt; with this term.</summary>
    private static string DefinitionOf(IWebDriver browser, string term) =>
        browser.FindElement(By.XPath($"//dt[normalize-space()='{term}']/following-sibling::dd[1]")).Text;
}
