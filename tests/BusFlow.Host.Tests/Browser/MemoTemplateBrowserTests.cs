using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium opens the memo template from the mail templates page, uploads a file
/// that is not a Word document, sees it refused at the file field; axe checks each page.
/// </summary>
public sealed class MemoTemplateBrowserTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task An_administrator_finds_the_memo_template_uploads_a_file_that_is_not_a_docx_sees_it_refused_and_both_pages_pass_axe()
    {
        var notDocx = Path.Combine(Directory.CreateTempSubdirectory("busflow-memo-").FullName, "mall.docx");
        await File.WriteAllTextAsync(notDocx, "Inte ett Word-dokument");
        var key = await TestSessions.PrepareAsync(host.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/meddelandemallar"));
        browser.FindElement(By.PartialLinkText("Mall för tjänsteskrivelse")).Click();
        PageWait.ForHeading(browser, "Mall för tjänsteskrivelse");
        results.Add(("the memo template page", AxeCheck.Run(browser)));
        var placeholders = browser.FindElements(By.CssSelector("table code")).Select(c => c.Text).ToList();

        browser.FindElement(By.Id("file")).SendKeys(notDocx);
        browser.FindElement(By.CssSelector("form[enctype] button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the file refused");
        var error = browser.FindElement(By.Id("file-error")).Text;
        results.Add(("the memo template page with the file refused", AxeCheck.Run(browser)));

        Assert.Contains("{{diarienummer}}", placeholders);
        Assert.Equal("Filen är inte ett Word-dokument (DOCX).", error);
        Assert.Equal("true", browser.FindElement(By.Id("file")).GetAttribute("aria-invalid"));
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
