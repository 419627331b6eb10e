using BusFlow.Engine.Design;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium edits a draft's JSON in the code editor: it replaces the text field, completes a
/// property name from the workflow schema, saves exactly what was typed through the same form, and passes axe.
/// </summary>
public sealed class JsonEditorBrowserTests : IAsyncLifetime
{
    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task The_code_editor_completes_a_step_property_from_the_schema_and_saves_what_was_typed_through_the_form()
    {
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");
        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, "/arbetsfloden"));
        browser.FindElement(By.Id("new-id")).SendKeys("kodredigering");
        browser.FindElement(By.Id("new-name")).SendKeys("Kodredigering");
        browser.FindElement(By.CssSelector("#create-form button[type=submit]")).Click();
        PageWait.ForHeading(browser, "Utkast: kodredigering");
        var draft = Guid.Parse(new Uri(browser.Url).AbsolutePath.Split('/').Last());

        PageWait.Until(browser, b => b.FindElements(By.CssSelector("#json-form .cm-editor .cm-content")).Count == 1, "the code editor");
        var textareaShown = browser.FindElement(By.Id("json")).Displayed;
        var editorStyled = (string?)((IJavaScriptExecutor)browser).ExecuteScript("return getComputedStyle(document.querySelector('.cm-editor')).display;");
        var labelledBy = browser.FindElement(By.CssSelector(".cm-content")).GetAttribute("aria-labelledby");
        var label = browser.FindElement(By.Id(labelledBy!)).Text;
        var axe = AxeCheck.Run(browser);

        // Into the root step, after its "activities": the end of the document is "  }\n}".
        var content = browser.FindElement(By.CssSelector(".cm-content"));
        content.Click();
        content.SendKeys(Keys.Control + Keys.End);
        content.SendKeys(Keys.ArrowUp + Keys.ArrowUp + Keys.End + "," + Keys.Enter + "\"displayN");
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".cm-tooltip-autocomplete li")).Count > 0, "the schema's completions");
        var completions = browser.FindElement(By.CssSelector(".cm-tooltip-autocomplete")).Text;
        ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('json-heading').scrollIntoView();");
        Screenshots.Save(browser, "designer-json-editor");
        content.SendKeys(Keys.Escape + "ame\": \"Huvudsteg\"");
        var typed = browser.FindElement(By.Id("json")).GetAttribute("value");
        browser.FindElement(By.CssSelector("#json-form button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".notice[role=status]")).Count == 1, "the saved JSON");
        var saved = (await Host.Services.GetRequiredService<DefinitionDesigner>().FindAsync(draft, default))!.Json;

        Assert.False(textareaShown);
        Assert.Equal("flex", editorStyled);
        Assert.Equal("Hela arbetsflödet som JSON", label);
        Assert.Contains("displayName", completions, StringComparison.Ordinal);
        Assert.Contains("\"activities\": [],\n    \"displayName\": \"Huvudsteg\"", typed, StringComparison.Ordinal);
        Assert.Contains("\"displayName\": \"Huvudsteg\"", saved, StringComparison.Ordinal);
        var report = axe.Report("a draft with the code editor");
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }
}
