using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// A reader in chromium opens the demo agreement's annual wheel from the agreement's page, reads the
/// year's marks and their table, and steps to the next year; axe checks each page.
/// </summary>
public sealed class WheelBrowserTests : IAsyncLifetime
{
    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task A_reader_opens_the_wheel_from_the_agreement_steps_to_next_year_and_every_page_passes_axe()
    {
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, $"/overenskommelser/{DemoMunicipality.AgreementId}"));
        PageWait.ForHeading(browser, DemoMunicipality.AgreementTitle);
        browser.FindElement(By.LinkText("Årshjul")).Click();
        PageWait.ForHeading(browser, "Årshjul 2026");
        Check("the annual wheel of 2026");
        var wheelWidth = browser.FindElement(By.CssSelector("figure.wheel svg[role=img]")).Size.Width;
        var marks2026 = browser.FindElements(By.CssSelector("svg g.mark")).Count;
        var rows2026 = browser.FindElements(By.CssSelector("table.wheel-table tbody tr")).Count;
        var election = browser.FindElements(By.CssSelector("svg g.mark[data-kind=Election][data-date='2026-09-13']")).Count;
        ((IJavaScriptExecutor)browser).ExecuteScript("document.querySelector('figure.wheel').scrollIntoView()");
        Screenshots.Save(browser, "arshjul");

        browser.FindElement(By.LinkText("Nästa år (2027)")).Click();
        PageWait.ForHeading(browser, "Årshjul 2027");
        Check("the annual wheel of 2027");
        var meetings2027 = browser.FindElements(By.CssSelector("svg g.mark[data-kind=BoardMeeting]")).Count;

        Assert.True(wheelWidth > 600, $"the wheel is {wheelWidth} px wide");
        Assert.Equal((rows2026, 1), (marks2026, election));
        Assert.True(meetings2027 > 30, $"{meetings2027} board meetings in 2027");
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
