using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>An administrator in chromium opens the demo agreement from the menu, stops its workflows with a reason, then looks up a collaboration body; axe checks each page.</summary>
public sealed class AgreementBrowserTests : IAsyncLifetime
{
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
}
