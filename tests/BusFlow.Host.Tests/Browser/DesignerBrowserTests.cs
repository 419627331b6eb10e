using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium designs a workflow from a blank draft: a Task with reminders, an error
/// shown at its field and fixed, the year previewed with a due date moved off Christmas Day, published,
/// started, published again and compared; axe checks each designer page.
/// </summary>
public sealed class DesignerBrowserTests : IAsyncLifetime
{
    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task An_administrator_builds_a_task_with_reminders_fixes_an_error_previews_publishes_starts_and_compares_two_versions()
    {
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        void Type(string id, string text)
        {
            var field = browser.FindElement(By.Id(id));
            field.Clear();
            field.SendKeys(text);
        }

        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.FindElement(By.LinkText("Arbetsflöden")).Click();
        PageWait.ForHeading(browser, "Arbetsflöden");
        Check("the list of workflows");
        Type("new-id", "budget-godkannande");
        Type("new-name", "Budgetgodkännande");
        browser.FindElement(By.CssSelector("#create-form button[type=submit]")).Click();
        PageWait.ForHeading(browser, "Utkast: budget-godkannande");
        Check("a blank draft");

        browser.FindElement(By.CssSelector("#type-activities option[value=Task]")).Click();
        Type("newId-activities", "approve");
        browser.FindElement(By.CssSelector("form.add-step button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("field-outcomes-error")).Count == 1, "the missing outcomes named at their field");
        Check("a task with its errors at its fields");

        Type("field-assignee", "anna.berg@exempelby.se");
        Type("field-title", "Godkänn budgeten för samverkan");
        Type("field-outcomes", "approve, reject");
        Type("field-due", "2027-12-25");
        Type("field-reminders-workingDaysBefore", "5, 2");
        Type("field-reminders-maxAfter", "99");
        browser.FindElement(By.CssSelector("#step-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("field-reminders-maxAfter-error")).Count == 1, "the reminder error at its field");
        var reminderError = browser.FindElement(By.Id("field-reminders-maxAfter-error")).Text;
        Check("a reminder policy with an error");
        Type("field-reminders-maxAfter", "2");
        browser.FindElement(By.CssSelector("#step-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("no-problems")).Count == 1, "a draft without errors");
        Screenshots.Save(browser, "designer-draft");

        browser.FindElement(By.LinkText("Förhandsgranska året")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("preview-form")).Count == 1, "the preview form");
        Type("ar", "2027");
        browser.FindElement(By.CssSelector("#preview-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("timeline")).Count == 1, "the previewed year");
        var timeline = browser.FindElement(By.Id("timeline")).Text;
        Check("the preview of the year");
        Screenshots.Save(browser, "designer-preview");

        browser.FindElement(By.LinkText("Tillbaka till utkastet")).Click();
        PageWait.ForHeading(browser, "Utkast: budget-godkannande");
        browser.FindElement(By.CssSelector("#publish-form button")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the published notice");
        var published = browser.FindElement(By.CssSelector(".notice")).Text;

        browser.FindElement(By.CssSelector("a[href='/arbetsfloden/budget-godkannande/starta']")).Click();
        PageWait.ForHeading(browser, "Starta Budgetgodkännande");
        Check("the start form");
        browser.FindElement(By.CssSelector("#start-form button[type=submit]")).Click();
        PageWait.Until(browser, b => new Uri(b.Url).AbsolutePath.StartsWith("/instanser/", StringComparison.Ordinal) && b.FindElements(By.Id("state")).Count == 1, "the started instance");
        var state = browser.FindElement(By.Id("state")).Text;

        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, "/arbetsfloden"));
        browser.FindElement(By.CssSelector("button[aria-label='Nytt utkast av Budgetgodkännande']")).Click();
        PageWait.ForHeading(browser, "Utkast: budget-godkannande");
        browser.FindElement(By.LinkText("approve")).Click();
        PageWait.Until(browser, b => b.FindElements(By.Id("step-form")).Count == 1, "the task's form");
        Type("field-title", "Godkänn den reviderade budgeten");
        browser.FindElement(By.CssSelector("#step-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the saved step");
        browser.FindElement(By.CssSelector("#publish-form button")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1 && b.FindElement(By.CssSelector(".notice")).Text.Contains("Version 2", StringComparison.Ordinal), "version 2 published");

        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, "/arbetsfloden/budget-godkannande/jamfor?fran=1&till=2"));
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("table.differences")).Count == 1, "the differences");
        var differences = browser.FindElement(By.CssSelector("table.differences")).Text;
        Check("the comparison of version 1 and 2");

        Assert.Contains("från 0 till 50", reminderError, StringComparison.Ordinal);
        Assert.Contains("Godkänn budgeten för samverkan", timeline, StringComparison.Ordinal);
        Assert.Contains("2027-12-27 (flyttad från", timeline, StringComparison.Ordinal);
        Assert.Contains("Version 1 av Budgetgodkännande är publicerad.", published, StringComparison.Ordinal);
        Assert.Equal("Väntar", state);
        Assert.Contains("Godkänn den reviderade budgeten", differences, StringComparison.Ordinal);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
