using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using UglyToad.PdfPig;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// A reader in chromium opens the demo agreement's annual wheel from the agreement's page, reads the
/// year's marks and their table, steps to the next year and prints it (chromium's own print to PDF) on A4 and
/// on A3 landscape without the site's menu and footer; axe checks each page.
/// </summary>
public sealed class WheelBrowserTests : IAsyncLifetime
{
    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task A_reader_opens_the_wheel_from_the_agreement_steps_to_next_year_prints_it_on_a4_and_a3_and_every_page_passes_axe()
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
        var a4 = Printed(browser);
        browser.FindElement(By.LinkText("Skriv ut på A3")).Click();
        PageWait.Until(browser, b => b.Url.EndsWith("papper=a3", StringComparison.Ordinal), "the A3 print");
        var a3 = Printed(browser);

        Assert.True(wheelWidth > 600, $"the wheel is {wheelWidth} px wide");
        Assert.Equal((rows2026, 1), (marks2026, election));
        Assert.True(meetings2027 > 30, $"{meetings2027} board meetings in 2027");
        Assert.Equal((842, 595), a4.Size);
        Assert.Equal((1191, 842), a3.Size);
        Assert.All([a4.Words, a3.Words], words => Assert.Contains("Teckenförklaring", words));
        // Printed without the site's menu and footer.
        Assert.All([a4.Words, a3.Words], words => Assert.Empty(words.Intersect(["uppgifter", "sköter"])));
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    /// <summary>The page as chromium prints it, on the paper its print CSS asks for: the first page's size in points, and every word printed.</summary>
    private static ((int Width, int Height) Size, IReadOnlyList<string> Words) Printed(ChromeDriver browser)
    {
        var printed = (Dictionary<string, object?>)browser.ExecuteCdpCommand("Page.printToPDF", new Dictionary<string, object?> { ["preferCSSPageSize"] = true })!;
        using var pdf = PdfDocument.Open(Convert.FromBase64String((string)printed["data"]!));
        var first = pdf.GetPage(1);
        return (((int)Math.Round(first.Width), (int)Math.Round(first.Height)), [.. pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text)]);
    }
}
