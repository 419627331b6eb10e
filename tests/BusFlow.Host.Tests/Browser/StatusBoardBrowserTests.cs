using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium opens the status board of the demo's renewal on 28 April 2026 (virtual
/// clock): SN decided, KUN reminded twice, BUN escalated. She sends BUN's task again and hands KUN's to an
/// acting secretary, each with a reason, and both land in the tasks' journals. axe checks each page.
/// </summary>
public sealed class StatusBoardBrowserTests : IAsyncLifetime
{
    private StatusBoardHost? _board;

    private StatusBoardHost Board => _board!;

    public async Task InitializeAsync()
    {
        _board = await StatusBoardHost.StartAsync();
        await _board.ArrangeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_board is not null)
        {
            await _board.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_administrator_sees_who_decided_who_was_reminded_and_who_escalated_then_resends_and_substitutes_and_every_page_passes_axe()
    {
        var bun = await Board.OpenDecisionTaskAsync("bun");
        var kun = await Board.OpenDecisionTaskAsync("kun");
        var key = await TestSessions.PrepareAsync(Board.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, Board.Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(Board.Host.BaseAddress, $"/overenskommelser/{StatusBoardHost.AgreementId}"));
        PageWait.ForHeading(browser, "Samverkansöverenskommelse BUS 2023–2026");
        browser.FindElement(By.PartialLinkText("Lägesbild")).Click();
        PageWait.ForHeading(browser, "Läget: Samverkansöverenskommelse BUS 2023–2026");
        Check("the agreement's status board");
        Screenshots.Save(browser, "status-board");
        string StateOf(string board) => browser.FindElement(By.CssSelector($"tr[data-board={board}] td")).Text;
        var states = (Sn: StateOf("sn"), Kun: StateOf("kun"), Bun: StateOf("bun"));
        var kunReminders = browser.FindElement(By.CssSelector("tr[data-board=kun] td:nth-of-type(3)")).Text;

        browser.FindElement(By.CssSelector($"tr[data-board=bun] a[href$='{bun.Id}']")).Click();
        PageWait.ForHeading(browser, "Åtgärda en uppgift");
        Check("a task's actions");
        browser.FindElement(By.Id("resend-reason")).SendKeys("Sekreteraren hittar inte e-posten.");
        browser.FindElement(By.CssSelector("#resend-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the task sent again");
        var resent = browser.FindElement(By.CssSelector(".notice")).Text;
        Check("a task sent again");

        browser.Navigate().GoToUrl(new Uri(Board.Host.BaseAddress, $"/overenskommelser/{StatusBoardHost.AgreementId}/status/uppgift/{kun.Id}"));
        PageWait.ForHeading(browser, "Åtgärda en uppgift");
        browser.FindElement(By.CssSelector("#substitute-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the missing substitute named");
        var missing = browser.FindElement(By.CssSelector(".errors")).Text;
        Check("a hand-over without a substitute");
        browser.FindElement(By.CssSelector("#person option[value='sofia.nyberg']")).Click();
        browser.FindElement(By.Id("substitute-reason")).SendKeys("Tillförordnad sekreterare under sjukskrivning.");
        browser.FindElement(By.CssSelector("#substitute-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the task handed over");
        var handed = browser.FindElement(By.CssSelector(".notice")).Text;

        Assert.StartsWith("Beslutat", states.Sn, StringComparison.Ordinal);
        Assert.StartsWith("Påmind", states.Kun, StringComparison.Ordinal);
        Assert.StartsWith("Eskalerad", states.Bun, StringComparison.Ordinal);
        Assert.StartsWith("2 påminnelser", kunReminders, StringComparison.Ordinal);
        Assert.StartsWith("Uppgiftens e-post skickades igen till", resent, StringComparison.Ordinal);
        Assert.Contains("Välj en person i registret", missing, StringComparison.Ordinal);
        Assert.Equal("Uppgiften lämnades över till Sofia Nyberg (sofia.nyberg@exempelby.test).", handed);
        Assert.Contains(await Board.JournalAsync(bun.InstanceId), e => e.Kind == JournalKind.TaskResent && e.Payload<TaskResentPayload>()!.TaskId == bun.Id);
        Assert.Contains(await Board.JournalAsync(kun.InstanceId), e => e.Kind == JournalKind.TaskReassigned && e.Payload<TaskReassignedPayload>()!.Reason == "Tillförordnad sekreterare under sjukskrivning.");
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
