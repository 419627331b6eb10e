using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Web;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium, on the host whose reminder is late: the instances list with the
/// alarm, the approval's page, a faulted instance's page with its retry and cancel forms, and the
/// upcoming timers; axe checks each page.
/// </summary>
public sealed class InstanceBrowserTests(InstancePagesHost host) : IClassFixture<InstancePagesHost>
{
    private const string Operator = "drift@busflow.test";

    [Fact]
    public async Task An_administrator_sees_the_alarm_opens_an_instance_from_the_list_and_every_page_passes_axe()
    {
        var faulted = await host.StartAsync("guarded", new { fail = true });
        var key = await TestSessions.PrepareAsync(host.Host.Services, Operator, [AccountRoles.Administrator], totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, Operator, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/instanser"));
        PageWait.ForHeading(browser, "Instanser");
        var alarm = browser.FindElement(By.CssSelector(".errors[role=alert]")).Text;
        Check("the instances list with the alarm");
        Screenshots.Save(browser, "instanser");

        browser.FindElement(By.LinkText("Godkännande av verksamhetsplan")).Click();
        PageWait.ForHeading(browser, "Godkännande av verksamhetsplan");
        var timeline = browser.FindElement(By.CssSelector("table[aria-labelledby=timeline-heading]")).Text;
        Check("the approval's page");
        Screenshots.Save(browser, "instans");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/instanser/{faulted}"));
        PageWait.ForHeading(browser, "Guarded failure");
        var forms = browser.FindElements(By.CssSelector("#retry-form, #cancel-form")).Count;
        Check("a faulted instance's page with its forms");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/kommande"));
        PageWait.ForHeading(browser, "Kommande timrar och påminnelser");
        var late = browser.FindElements(By.XPath("//tbody/tr[contains(., 'försenad')]")).Count;
        Check("the upcoming timers");

        Assert.Contains("Timrar är försenade", alarm, StringComparison.Ordinal);
        Assert.Contains($"Uppgiften ”{InstancePagesHost.TaskTitle}” gavs till {InstancePagesHost.Chair}", timeline, StringComparison.Ordinal);
        Assert.Equal(2, forms);
        Assert.Equal(1, late);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
