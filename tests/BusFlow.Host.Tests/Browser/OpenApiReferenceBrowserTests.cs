using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace BusFlow.Host.Tests.Browser;

/// <summary>The API reference page in headless Chromium, for an administrator signed in with TOTP: its script, served by the host, runs under the page's strict policy and renders the document.</summary>
public sealed class OpenApiReferenceBrowserTests
{
    [Fact]
    public async Task The_reference_page_renders_every_operation_of_the_document_under_its_content_security_policy()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        await using var host = await RunningHost.StartAsync(database, workflows.Folder);
        var key = await TestSessions.PrepareAsync(host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        BrowserSignIn.SignIn(browser, host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);

        browser.Navigate().GoToUrl(new Uri(host.Client.BaseAddress!, "/openapi"));

        try
        {
            new WebDriverWait(browser, TimeSpan.FromSeconds(120)).Until(b => b.FindElement(By.Id("reference")).GetDomAttribute("data-rendered") == "true");
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"The reference page did not render; it shows:{Environment.NewLine}{browser.FindElement(By.TagName("body")).Text}");
        }

        Assert.Equal("BusFlow API", browser.FindElement(By.TagName("h1")).Text);
        var operations = browser.FindElements(By.CssSelector("section.operation h3")).Select(h => h.Text.Replace('\n', ' ')).ToList();
        Assert.Contains("POST /api/tasks/{id}/complete", operations);
        Assert.Contains("GET /api/agreements/{id}/journal.csv", operations);
    }
}
