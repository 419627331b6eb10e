using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Web;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium edits the meeting-cancelled mail: finds it on the list, saves a broken
/// HTML part and is shown its line, mends it and saves; axe checks the list and the editor each time.
/// </summary>
public sealed class TemplateBrowserTests(TemplatePagesHost host) : IClassFixture<TemplatePagesHost>
{
    [Fact]
    public async Task An_administrator_mends_a_broken_template_shown_at_its_line_and_saves_it_as_version_1()
    {
        const string email = "templates.browser@busflow.test";
        var key = await TestSessions.PrepareAsync(host.Host.Services, email, [AccountRoles.Administrator], totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        void Type(string id, string text)
        {
            var field = browser.FindElement(By.Id(id));
            field.Clear();
            field.SendKeys(text);
        }

        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, email, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/granskning"));
        browser.FindElement(By.LinkText("Meddelandemallar: redigera breven som BusFlow skickar")).Click();
        PageWait.ForHeading(browser, "Meddelandemallar");
        Check("the mail templates");
        browser.FindElement(By.LinkText("meeting-cancelled")).Click();
        PageWait.ForHeading(browser, "Meddelandemall meeting-cancelled");
        Check("the template editor");

        Type("html", "<p>Inställt: {{ meeting.title }}</p>\n{% if reason %}\n<p>{{ reason }}</p>\n");
        Type("note", "Kortare brev");
        browser.FindElement(By.XPath("//button[normalize-space()='Spara']")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("html-error")).Count == 1, "the html part's error");
        var atField = browser.FindElement(By.Id("html-error")).Text;
        Check("the template editor with a mistake");
        Screenshots.Save(browser, "template-editor-error");

        Type("html", "<p>Inställt: {{ meeting.title }}</p>\n{% if reason %}\n<p>{{ reason }}</p>\n{% endif %}\n");
        browser.FindElement(By.XPath("//button[normalize-space()='Förhandsgranska']")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the preview's notice");
        var preview = browser.FindElement(By.CssSelector(".template-preview[lang=sv-SE]")).Text;
        browser.FindElement(By.XPath("//button[normalize-space()='Spara']")).Click();
        PageWait.Until(browser, b => b.FindElements(By.XPath("//*[contains(., 'Version 1 är sparad')]")).Count > 0, "the saved notice");
        var history = browser.FindElements(By.CssSelector("section[aria-labelledby=history-heading] tbody tr")).Select(r => r.Text).ToList();
        Check("the template editor after saving");

        Assert.StartsWith("HTML, rad ", atField, StringComparison.Ordinal);
        Assert.Contains("is not closed", atField, StringComparison.Ordinal);
        Assert.Contains("<p>Inställt: Samverkansorganets sammanträde</p>", preview, StringComparison.Ordinal);
        Assert.Contains(email, Assert.Single(history), StringComparison.Ordinal);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
