using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// An administrator in chromium opens a workflow version's page from an instance, reads its diagram,
/// compares it with the version before through the page's form and reads the differences and both
/// diagrams; axe checks each page.
/// </summary>
public sealed class WorkflowVersionBrowserTests : IAsyncLifetime
{
    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task An_administrator_opens_a_version_from_an_instance_compares_it_with_the_one_before_and_both_pages_pass_axe()
    {
        var instance = await NewerVersionOfAnInstancesWorkflowAsync();
        var key = await TestSessions.PrepareAsync(Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));
        BrowserSignIn.SignIn(browser, Host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");

        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, $"/instanser/{instance.Id}"));
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("figure.diagram svg[role=img]")).Count == 1, "the instance's diagram");
        var passedOnInstance = browser.FindElements(By.CssSelector("svg g[data-state=passed]")).Count;
        browser.FindElement(By.PartialLinkText($"Visa version {instance.DefinitionVersion}")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("#instance-count")).Count == 1, "the version's page");
        Check("the version page");
        var steps = browser.FindElements(By.CssSelector("figure.diagram svg g[data-activity]")).Count;
        var diagramWidth = browser.FindElement(By.CssSelector("figure.diagram svg")).Size.Width;
        Screenshots.Save(browser, "arbetsflode-version");

        browser.Navigate().GoToUrl(new Uri(Host.BaseAddress, $"/arbetsfloden/{instance.DefinitionId}/version/{instance.DefinitionVersion + 1}"));
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("#fran")).Count == 1, "the compare form");
        browser.FindElement(By.CssSelector("form[action$=jamfor] button[type=submit]")).Click();
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("table.differences")).Count == 1, "the differences");
        Check("the compare page");
        var changed = browser.FindElements(By.CssSelector("table.differences tbody tr[data-kind=SettingChanged]")).Select(r => r.Text).ToList();
        var diagrams = browser.FindElements(By.CssSelector(".diagram-pair svg[role=img]")).Count;
        Screenshots.Save(browser, "arbetsflode-jamfor");

        Assert.True(passedOnInstance > 0, "the instance has passed steps");
        Assert.True(steps > 5, $"{steps} steps drawn");
        Assert.True(diagramWidth >= 250, $"the diagram is {diagramWidth} px wide");
        Assert.Contains(changed, row => row.Contains("Inställning ändrad", StringComparison.Ordinal) && row.Contains("(Uppgift)", StringComparison.Ordinal));
        Assert.Equal(2, diagrams);
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    /// <summary>An instance the demo started, and its workflow published again with its first task's title changed.</summary>
    private async Task<WorkflowInstance> NewerVersionOfAnInstancesWorkflowAsync()
    {
        var store = Host.Services.GetRequiredService<IWorkflowStore>();
        var catalog = Host.Services.GetRequiredService<DefinitionCatalog>();
        // Chosen in a session of its own, closed before publishing: on SQLite a session holds the write lock.
        var (instance, document) = await WaitingInstanceWithATaskAsync(store);
        FirstTask(document["root"])!["title"] = "En ny titel på uppgiften";
        document["version"] = instance.DefinitionVersion + 1;
        var loaded = catalog.Loader.Load(document.ToJsonString(), $"{instance.DefinitionId}.json");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        await catalog.PublishAsync(store, loaded.Definitions, NodaTime.SystemClock.Instance.GetCurrentInstant(), CancellationToken.None);
        return instance;
    }

    private static async Task<(WorkflowInstance Instance, JsonObject Definition)> WaitingInstanceWithATaskAsync(IWorkflowStore store)
    {
        await using var session = await store.BeginAsync(CancellationToken.None);
        foreach (var instance in await session.ListInstancesAsync(new InstanceQuery(Status: InstanceStatus.Waiting, Take: 50), CancellationToken.None))
        {
            var published = (await session.FindDefinitionAsync(instance.DefinitionId, instance.DefinitionVersion, CancellationToken.None))!;
            var document = JsonNode.Parse(published.Json)!.AsObject();
            if (FirstTask(document["root"]) is not null)
            {
                return (instance, document);
            }
        }

        throw new InvalidOperationException("The demo has no waiting instance of a workflow with a task.");
    }

    private static JsonObject? FirstTask(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Task" => obj,
        JsonObject obj => obj.Select(p => FirstTask(p.Value)).FirstOrDefault(t => t is not null),
        JsonArray list => list.Select(FirstTask).FirstOrDefault(t => t is not null),
        _ => null,
    };
}
