using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// The secretary of Socialnämnden in chromium: opens her board from the boards page, reads in a meeting
/// plan whose third line is wrong, sees that line named, corrects it and reads it in; axe checks each page.
/// </summary>
public sealed class BoardBrowserTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task An_administrator_creates_a_board_in_the_form_and_lands_on_its_page_and_both_pages_pass_axe()
    {
        var key = await TestSessions.PrepareAsync(host.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        BrowserSignIn.SignIn(browser, host.Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, "/namnder"));
        PageWait.ForHeading(browser, "Nämnder");
        results.Add(("the boards page with its forms", AxeCheck.Run(browser)));
        browser.FindElement(By.Id("code")).SendKeys("VON");
        browser.FindElement(By.Id("name")).SendKeys("Vård- och omsorgsnämnden");
        var days = browser.FindElement(By.Id("noticeDays"));
        days.Clear();
        days.SendKeys("6");
        browser.FindElement(By.CssSelector("#create-form button[type=submit]")).Click();
        PageWait.ForHeading(browser, "Vård- och omsorgsnämnden");
        var notice = browser.FindElement(By.CssSelector(".notice")).Text;
        results.Add(("a new board's page", AxeCheck.Run(browser)));

        Assert.Equal("/namnder/exempelby-von", new Uri(browser.Url).AbsolutePath);
        Assert.Contains("Nämnden är skapad.", notice, StringComparison.Ordinal);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    [Fact]
    public void A_secretary_reads_in_a_plan_with_a_bad_line_sees_it_named_fixes_it_and_every_page_passes_axe()
    {
        var folder = Directory.CreateTempSubdirectory("busflow-plan-");
        try
        {
            var bad = Path.Combine(folder.FullName, "plan-med-fel.csv");
            var good = Path.Combine(folder.FullName, "plan.csv");
            File.WriteAllText(bad, "Datum;Tid;Plats\n2031-02-11;13.00;Stadshuset\n2031-02-30;13.00;Stadshuset\n");
            File.WriteAllText(good, "Datum;Tid;Plats\n2031-02-11;13.00;Stadshuset\n2031-03-11;13.00;Stadshuset\n");
            using var chromium = HeadlessChromium.Start(javaScript: true);
            var browser = chromium.Driver;
            var results = new List<(string Page, AxeResult Result)>();
            void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
            BrowserSignIn.SignIn(browser, host.Host.BaseAddress, host.SecretaryEmail, TestAccounts.Password, totpKey: null);
            PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

            browser.FindElement(By.LinkText("Nämnder")).Click();
            PageWait.ForHeading(browser, "Nämnder");
            Check("the boards page");
            browser.FindElement(By.LinkText("Socialnämnden")).Click();
            PageWait.ForHeading(browser, "Socialnämnden");
            browser.Navigate().GoToUrl(new Uri(host.Host.BaseAddress, $"/namnder/{DemoMunicipality.SocialBoardId}?ar=2031"));
            Check("the board page");

            browser.FindElement(By.Id("plan")).SendKeys(bad);
            browser.FindElement(By.CssSelector("#import-form button[type=submit]")).Click();
            PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the errors of the file");
            var errors = browser.FindElement(By.CssSelector(".errors")).Text;
            Check("the board page with the file's errors");
            Screenshots.Save(browser, "meeting-plan-errors");

            browser.FindElement(By.Id("plan")).SendKeys(good);
            browser.FindElement(By.CssSelector("#import-form button[type=submit]")).Click();
            PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the plan read in");
            var notice = browser.FindElement(By.CssSelector(".notice")).Text;
            var rows = browser.FindElements(By.CssSelector("table[aria-labelledby=plan-heading] tbody tr")).Select(r => r.Text).ToList();
            Check("the board page with the plan read in");
            Screenshots.Save(browser, "meeting-plan");

            Assert.Contains("Rad 3, kolumn 1: ”2031-02-30” är inget datum.", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Rad 2", errors, StringComparison.Ordinal);
            Assert.Contains("2 sammanträden för 2031 är inlästa", notice, StringComparison.Ordinal);
            Assert.Equal(["tisdag 11 februari 2031 13:00 Stadshuset\nTa bort", "tisdag 11 mars 2031 13:00 Stadshuset\nTa bort"], rows);
            var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
            Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
