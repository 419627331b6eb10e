using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium enters an agreement with two deciding boards and the region consulted, is
/// told at its field that the end comes before the start, corrects it and lands on the new agreement; axe checks each page.
/// </summary>
public sealed class AgreementFormBrowserTests : IAsyncLifetime
{
    private const string Title = "BUS 2027–2030 i Exempelby";

    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

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
        browser.FindElement(By.Id("title")).SendKeys(Title);
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
        PageWait.ForHeading(browser, Title);
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
