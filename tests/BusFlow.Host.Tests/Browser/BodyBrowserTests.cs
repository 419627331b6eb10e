using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium sets up a presidium meeting: its rotation of three boards from 2027, a board
/// chosen twice by mistake and named, the fix, a co-opted member, and the body's page; axe checks each page.
/// </summary>
public sealed class BodyBrowserTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task An_administrator_creates_a_presidium_meeting_with_a_rotation_fixes_a_board_chosen_twice_and_adds_a_co_opted_member()
    {
        var name = $"Presidiemöte {Guid.NewGuid().ToString("N")[..6]}";
        var key = await TestSessions.PrepareAsync(host.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        void Choose(string select, string value) => browser.FindElement(By.CssSelector($"#{select} option[value='{value}']")).Click();
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/organ"));
        PageWait.ForHeading(browser, "Samverkansorgan");
        browser.FindElement(By.LinkText("Nytt samverkansorgan")).Click();
        PageWait.ForHeading(browser, "Nytt samverkansorgan");
        Check("the new body form");
        browser.FindElement(By.Id("name")).SendKeys(name);
        Choose("kind", "PresidiumMeeting");
        Choose("slot-0-0", "sn");
        Choose("slot-1-0", "bun");
        Choose("slot-2-0", "sn");
        browser.FindElement(By.Id("rotationStartYear")).SendKeys("2027");
        browser.FindElement(By.CssSelector("#body-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the form's errors");
        var summary = browser.FindElement(By.CssSelector(".errors")).Text;
        var atField = browser.FindElement(By.Id("slot-2-0-error")).Text;
        Check("the new body form with an error");
        Screenshots.Save(browser, "body-form");

        Choose("slot-2-0", "kun");
        browser.FindElement(By.CssSelector("#body-form button[type=submit]")).Click();
        // The redirect to the body's page: waiting for the address first keeps the heading check off the form as it unloads.
        PageWait.Until(browser, b => new Uri(b.Url).AbsolutePath != "/organ/ny", "the new body's address");
        PageWait.ForHeading(browser, name);
        Check("the new body's page");
        Choose("personId", "tove.engstrom");
        Choose("role", "CoOptedMember");
        browser.FindElement(By.CssSelector("#member-form button[type=submit]")).Click();
        // The new body's page already has a notice ("created"): wait for the member's row itself.
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("table[aria-labelledby=members-heading] tbody tr")).Count == 1, "the member added");
        var members = browser.FindElements(By.CssSelector("table[aria-labelledby=members-heading] tbody tr")).Select(r => r.Text).ToList();
        var conveners = browser.FindElements(By.CssSelector("table[aria-labelledby=conveners-heading] tbody tr")).Select(r => r.Text).ToList();
        Check("the body's page with its member");

        Assert.Contains("Plats 3: sammankallande nämnd: nämnden finns redan i turordningen.", summary, StringComparison.Ordinal);
        Assert.Equal("Plats 3: sammankallande nämnd: nämnden finns redan i turordningen. Varje nämnd är sammankallande på en plats.", atField);
        Assert.StartsWith("Tove Engström Adjungerad ledamot", Assert.Single(members), StringComparison.Ordinal);
        Assert.Equal(["2026 Kultur- och utbildningsnämnden", "2027 Socialnämnden", "2028 Barn- och ungdomsnämnden", "2029 Kultur- och utbildningsnämnden"], conveners);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
