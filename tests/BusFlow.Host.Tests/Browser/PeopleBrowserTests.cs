using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// People and roles in chromium, in November 2026: an administrator enters the next chair of a board and
/// gives her the chair from 1 January, and the board's preview shows the hand-over; the secretary of
/// Socialnämnden gives a role on her board and is offered no form on another's. axe checks each page.
/// </summary>
public sealed class PeopleBrowserTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task An_administrator_assigns_the_next_chair_from_1_january_and_the_preview_shows_the_change()
    {
        const string Board = "exempelby-mn";
        (await host.Host.Client.PostAsJsonAsync("/api/boards", new { organizationId = DemoMunicipality.OrganizationId, code = "MN", name = "Miljönämnden", noticeDays = 5 })).EnsureSuccessStatusCode();
        (await host.Host.Client.PostAsJsonAsync("/api/people/stefan.almqvist/assignments", new { role = "chair", boardId = Board, from = "2023-01-01", until = "2026-12-31" })).EnsureSuccessStatusCode();
        var key = await TestSessions.PrepareAsync(host.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.FindElement(By.LinkText("Personer")).Click();
        PageWait.ForHeading(browser, "Personer");
        Check("the people page with its form");
        browser.FindElement(By.Id("name")).SendKeys("Rut Nilsson");
        browser.FindElement(By.Id("email")).SendKeys("rut.nilsson@exempelby.test");
        browser.FindElement(By.CssSelector("#create-form button[type=submit]")).Click();
        PageWait.ForHeading(browser, "Rut Nilsson");
        Check("a new person's page");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/namnder/{Board}"));
        PageWait.ForHeading(browser, "Miljönämnden");
        var before = ChairRow(browser);
        Check("the board page with its roles");
        browser.FindElement(By.CssSelector("#person option[value='rut-nilsson']")).Click();
        browser.FindElement(By.CssSelector("#role option[value='Chair']")).Click();
        ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('from').value = '2026-12-01';");
        browser.FindElement(By.CssSelector("#assign-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("from-error")).Count == 1, "the overlap named at its field");
        var overlap = browser.FindElement(By.Id("from-error")).Text;
        var describedBy = browser.FindElement(By.Id("from")).GetAttribute("aria-describedby");
        Check("the board page with an overlapping chair");

        ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('from').value = '2027-01-01';");
        browser.FindElement(By.CssSelector("#assign-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the chair given");
        var notice = browser.FindElement(By.CssSelector(".notice")).Text;
        var after = ChairRow(browser);
        Check("the board page with the next chair");
        Screenshots.Save(browser, "role-preview");

        Assert.Equal("Ordförande Stefan Almqvist ingen Ändras", before);
        Assert.Equal("Från och med: krockar med Stefan Almqvist som ordförande 1 januari 2023 – 31 december 2026. En person i taget har den rollen; sätt en sista dag för den andra först.", overlap);
        Assert.Equal("from-error", describedBy);
        Assert.Equal("Rut Nilsson är ordförande från 1 januari 2027.", notice);
        Assert.Equal("Ordförande Stefan Almqvist Rut Nilsson Ändras", after);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    [Fact]
    public void A_secretary_gives_a_role_on_her_board_and_finds_no_form_on_another_board()
    {
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, host.SecretaryEmail, TestAccounts.Password, totpKey: null);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/namnder/{DemoMunicipality.SocialBoardId}"));
        PageWait.ForHeading(browser, "Socialnämnden");
        browser.FindElement(By.CssSelector("#person option[value='oskar.lind']")).Click();
        browser.FindElement(By.CssSelector("#role option[value='Member']")).Click();
        browser.FindElement(By.CssSelector("#assign-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the role given");
        var notice = browser.FindElement(By.CssSelector(".notice")).Text;
        var members = Row(browser, "Ledamot");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/personer/oskar.lind"));
        PageWait.ForHeading(browser, "Oskar Lind");
        var mayRemove = browser.FindElements(By.CssSelector("button[aria-label='Ta bort rollen ledamot i Socialnämnden']")).Count;
        Check("a person's page with a role the secretary keeps");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/namnder/{DemoMunicipality.ChildrenAndYouthBoardId}"));
        PageWait.ForHeading(browser, "Barn- och ungdomsnämnden");
        var forms = browser.FindElements(By.Id("assign-form")).Count;
        Check("another board's page, read only");

        Assert.Equal("Oskar Lind är ledamot från 1 januari 2027.", notice);
        Assert.Equal("Ledamot ingen Oskar Lind Ändras", members);
        Assert.Equal(1, mayRemove);
        Assert.Equal(0, forms);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    private static string ChairRow(IWebDriver browser) => Row(browser, "Ordförande");

    private static string Row(IWebDriver browser, string role) =>
        browser.FindElements(By.CssSelector("#roles-table tbody tr")).Select(r => r.Text.Replace('\n', ' ')).Single(t => t.StartsWith(role + " ", StringComparison.Ordinal));
}
