using BusFlow.Bus.Demo;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Links;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// The report page a mail's footer links to, in chromium: the form, and the form again with a message
/// at each field it leaves empty; the signed-in report form on the agreement's page. axe checks each page.
/// </summary>
public sealed class ShortcomingBrowserTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task The_report_page_from_a_mail_and_its_errors_and_the_signed_in_report_form_pass_axe()
    {
        var path = await IssueAsync($"browser-{Guid.NewGuid():N}@exempelby.test");
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, path));
        PageWait.ForHeading(browser, "Rapportera en brist i samverkan");
        Check("the report page");
        browser.FindElement(By.Id("field-whatHappened")).SendKeys("Ingen kallade till SIP-möte.");
        // Sent without the fields the browser would ask for, as a browser without validation would.
        ((IJavaScriptExecutor)browser).ExecuteScript("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'));");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the report's errors");
        var errors = browser.FindElement(By.CssSelector(".errors")).Text;
        var kept = browser.FindElement(By.Id("field-whatHappened")).GetAttribute("value");
        Check("the report page with its errors");

        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, AuthorizationMatrixHost.ViewerEmail, TestAccounts.Password, totpKey: null);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");
        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/overenskommelser/{DemoMunicipality.AgreementId}"));
        PageWait.ForHeading(browser, DemoMunicipality.AgreementTitle);
        Check("the agreement page with its shortcomings");
        browser.FindElement(By.LinkText("Rapportera en brist i samverkan")).Click();
        PageWait.ForHeading(browser, $"Rapportera en brist i samverkan: {DemoMunicipality.AgreementTitle}");
        Check("the signed-in report form");

        Assert.Contains("När hände det? (åååå-mm-dd): fyll i fältet.", errors, StringComparison.Ordinal);
        Assert.Contains("Hur allvarligt är det?: fyll i fältet.", errors, StringComparison.Ordinal);
        Assert.Equal("Ingen kallade till SIP-möte.", kept);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    private async Task<string> IssueAsync(string recipient)
    {
        await using var session = await host.Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var url = await host.Host.Services.GetRequiredService<ShortcomingLinks>().ForAsync(
            DemoMunicipality.AgreementId, recipient, session, host.Host.Services.GetRequiredService<IClock>().GetCurrentInstant(), default);
        await session.CommitAsync(default);
        return new Uri(url).AbsolutePath;
    }
}
