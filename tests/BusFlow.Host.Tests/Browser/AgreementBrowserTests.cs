using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium opens the demo agreement from the menu, stops its workflows with a reason,
/// then looks up a collaboration body; and enters a new agreement, corrects an end before its start and
/// lands on the agreement with its parties. axe checks each page.
/// </summary>
public sealed class AgreementBrowserTests : IAsyncLifetime
{
    private const string NewTitle = "BUS 2027–2030 i Exempelby";

    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task An_administrator_stops_an_agreements_workflows_with_a_reason_looks_up_a_body_and_every_page_passes_axe()
    {
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.FindElement(By.LinkText("Överenskommelser")).Click();
        PageWait.ForHeading(browser, "Överenskommelser");
        Check("the agreements page");
        browser.FindElement(By.LinkText(DemoMunicipality.AgreementTitle)).Click();
        PageWait.ForHeading(browser, DemoMunicipality.AgreementTitle);
        Check("the agreement page");
        Screenshots.Save(browser, "agreement");

        browser.FindElement(By.Id("reason")).SendKeys("Ersätts av en regional överenskommelse");
        browser.FindElement(By.CssSelector("#stop-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the workflows stopped");
        var notice = browser.FindElement(By.CssSelector(".notice")).Text;
        Check("the agreement page with its workflows stopped");
        var forms = (Stop: browser.FindElements(By.Id("stop-form")).Count, Start: browser.FindElements(By.Id("start-form")).Count);

        browser.FindElement(By.LinkText("Samverkansorgan")).Click();
        PageWait.ForHeading(browser, "Samverkansorgan");
        Check("the bodies page");
        browser.FindElement(By.LinkText("Presidiemöte BUS")).Click();
        PageWait.ForHeading(browser, "Presidiemöte BUS");
        Check("a body's page with its members and conveners");
        Screenshots.Save(browser, "body");

        Assert.Matches(@"\d+ arbetsflöden är stoppade\.", notice);
        Assert.Equal((0, 1), forms);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    [Fact]
    public async Task An_administrator_enters_an_agreement_corrects_an_end_before_its_start_and_sees_its_parties()
    {
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var script = (IJavaScriptExecutor)browser;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.FindElement(By.LinkText("Överenskommelser")).Click();
        PageWait.ForHeading(browser, "Överenskommelser");
        browser.FindElement(By.LinkText("Ny överenskommelse")).Click();
        PageWait.ForHeading(browser, "Ny överenskommelse");
        Check("the new agreement form");
        browser.FindElement(By.Id("title")).SendKeys(NewTitle);
        script.ExecuteScript("document.getElementById('validFrom').value = '2027-01-01'; document.getElementById('validUntil').value = '2026-12-31';");
        browser.FindElement(By.CssSelector("#party-0 option[value='board:sn']")).Click();
        browser.FindElement(By.CssSelector("#party-1 option[value='board:bun']")).Click();
        browser.FindElement(By.CssSelector("#party-2 option[value='organization:region-exempel']")).Click();
        browser.FindElement(By.CssSelector("#involvement-2 option[value='Consulted']")).Click();
        browser.FindElement(By.Id("recipient-ks")).Click();
        browser.FindElement(By.CssSelector("#agreement-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("validUntil-error")).Count == 1, "the end before the start named at its field");
        var error = browser.FindElement(By.Id("validUntil-error")).Text;
        var describedBy = browser.FindElement(By.Id("validUntil")).GetAttribute("aria-describedby");
        var summaryLink = browser.FindElement(By.CssSelector(".errors a")).GetAttribute("href");
        Check("the form with an end before the start");
        Screenshots.Save(browser, "agreement-form");

        script.ExecuteScript("document.getElementById('validUntil').value = '2030-12-31';");
        browser.FindElement(By.CssSelector("#agreement-form button[type=submit]")).Click();
        PageWait.ForHeading(browser, NewTitle);
        var notice = browser.FindElement(By.CssSelector(".notice")).Text;
        var parties = browser.FindElements(By.CssSelector("dd li")).Select(li => li.Text).ToList();
        Check("the new agreement's page");

        Assert.Equal("Gäller till och med: slutar före startdagen. En överenskommelse slutar samma dag som den börjar eller senare.", error);
        Assert.Equal("validUntil-error", describedBy);
        Assert.EndsWith("#validUntil", summaryLink, StringComparison.Ordinal);
        Assert.Equal("Överenskommelsen är sparad.", notice);
        Assert.EndsWith("/overenskommelser/exempelby-bus-2027-2030?ny=1", browser.Url, StringComparison.Ordinal);
        Assert.Equal(["Socialnämnden – beslutar", "Barn- och ungdomsnämnden – beslutar", "Region Exempel – hörs före beslut"], parties);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
