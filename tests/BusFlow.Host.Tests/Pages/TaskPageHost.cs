using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// A running host with the shipped templates and three small workflows — an approval, a decision
/// with facts to fill in, and a signing that needs a confirmation code — and a draft to upload and
/// review (documents of at most 4 kB), on a clock the test moves.
/// Links are read from the mails in the outbox, as a person reads them from the mail.
/// </summary>
public sealed partial class TaskPageHost : IAsyncDisposable
{
    public const string Anna = "anna.berg@exempelby.test";
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 9, 0);

    private readonly TestDatabase _database;
    private readonly TestWorkflows _workflows;

    private TaskPageHost(TestDatabase database, TestWorkflows workflows, RunningHost host, FakeClock clock)
    {
        _database = database;
        _workflows = workflows;
        Host = host;
        Clock = clock;
    }

    public RunningHost Host { get; }
    public FakeClock Clock { get; }

    /// <summary>The database the host runs on, for what a person cannot see from a page (its size, a failure put in its way).</summary>
    public TestDatabase Database => _database;
    public Uri BaseAddress => Host.Client.BaseAddress!;

    public static async Task<TaskPageHost> StartAsync(
        int requestsPerMinute = 1000, string? knownProxy = null, int requestsPerLinkPerMinute = 1000, string provider = StorageOptions.Sqlite, TestDatabase? on = null)
    {
        // A database given is the host's from here on: it goes when the host goes.
        var database = on ?? await TestDatabase.CreateAsync(provider);
        var workflows = TestWorkflows.Create(("approval.json", Approval), ("decision.json", Decision), ("signing.json", Signing), ("drafting.json", Drafting));
        var clock = new FakeClock(Start);
        var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
            ["BusFlow:Links:RequestsPerMinute"] = requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusFlow:Links:RequestsPerLinkPerMinute"] = requestsPerLinkPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusFlow:Proxy:KnownProxies:0"] = knownProxy,
            ["BusFlow:Documents:MaxBytes"] = "4096",
        }, clock);
        // Links in mail point at this host.
        host.Services.GetRequiredService<Notifications.Delivery.MailOptions>().LinkBaseUrl = host.Client.BaseAddress!.ToString().TrimEnd('/');
        return new TaskPageHost(database, workflows, host, clock);
    }

    public PageClient NewClient(string? forwardedFor = null) => new(BaseAddress, forwardedFor);

    /// <summary>Starts a workflow for Anna and returns its task.</summary>
    public async Task<HumanTask> StartAsync(string workflow)
    {
        var response = await Host.Client.PostAsJsonAsync("/api/instances", new { definitionId = workflow, input = new JsonObject { ["assignee"] = Anna } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var instanceId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        return Assert.Single(await ReadAsync(s => s.ListTasksAsync(new TaskQuery(InstanceId: instanceId), default)));
    }

    /// <summary>The task page link in the newest mail to Anna about the task.</summary>
    public async Task<string> LinkAsync(HumanTask task) => new Uri(LinkIn(await MailAboutAsync(task))).PathAndQuery;

    /// <summary>The code to type, from the newest mail to Anna about the task.</summary>
    public async Task<string> CodeAsync(HumanTask task) => CodeIn(await MailAboutAsync(task));

    public Task<IReadOnlyList<OutboxMessage>> OutboxAsync() => ReadAsync(s => s.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: 1000), default));

    public Task<HumanTask> TaskAsync(Guid id) => ReadAsync(async s => (await s.FindTaskAsync(id, default))!);

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId) => ReadAsync(s => s.ListJournalAsync(instanceId, default));

    public Task<IReadOnlyList<LinkToken>> TokensAsync(Guid taskId) => ReadAsync(s => s.Facet<ILinkTokens>().ListForTaskAsync(taskId, default));

    public async Task<T> ReadAsync<T>(Func<IWorkflowSession, Task<T>> read)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        return await read(session);
    }

    public static string LinkIn(OutboxMessage mail) => LinkPattern().Match(mail.TextBody).Value is { Length: > 0 } link ? link : throw new InvalidOperationException($"No task link in: {mail.TextBody}");

    public static string CodeIn(OutboxMessage mail) => CodePattern().Match(mail.TextBody).Groups[1].Value is { Length: > 0 } code ? code : throw new InvalidOperationException($"No code in: {mail.TextBody}");

    private async Task<OutboxMessage> MailAboutAsync(HumanTask task) =>
        (await OutboxAsync()).First(m => m.InstanceId == task.InstanceId && m.To == Anna && LinkPattern().IsMatch(m.TextBody));

    public async ValueTask DisposeAsync() => await HostTeardown.DisposeAsync(Host, _database, _workflows);

    [GeneratedRegex(@"http://[^\s]+/t/[A-Za-z0-9_-]{22}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"skriv koden ([0-9A-Z]{5}-[0-9A-Z]{5})")]
    private static partial Regex CodePattern();

    private const string Approval = """
        {
          "id": "approval", "version": 1, "name": "Godkännande av verksamhetsplan",
          "inputs": [ { "name": "assignee", "type": "string", "required": true } ],
          "root": { "type": "Task", "id": "approve", "assignee": { "ref": "input.assignee" },
                    "title": "Godkänn verksamhetsplanen 2027", "description": "Planen bifogas.",
                    "outcomes": ["approve", "reject"], "due": "2026-12-04",
                    "data": { "registrationNumber": "BUS 2026/17", "memo": "Tjänsteskrivelse om planen, med \"citat\" & tecken" } }
        }
        """;

    private const string Decision = """
        {
          "id": "decision", "version": 1, "name": "Nämndbeslut",
          "inputs": [ { "name": "assignee", "type": "string", "required": true } ],
          "root": { "type": "Task", "id": "record", "assignee": { "ref": "input.assignee" },
                    "title": "Registrera nämndens beslut", "outcomes": ["approve", "reject", "referBack"], "due": "2026-12-10",
                    "form": [
                      { "name": "decisionDate", "type": "date", "label": { "sv": "Beslutsdatum", "en": "Date of decision" }, "required": true },
                      { "name": "paragraph", "type": "text", "label": { "sv": "Paragraf", "en": "Paragraph" }, "required": true }
                    ] }
        }
        """;

    /// <summary>Anna uploads a draft for the instance's own case, then reviews it; the review's page lists and serves it.</summary>
    private const string Drafting = """
        {
          "id": "drafting", "version": 1, "name": "Förslag till överenskommelse",
          "inputs": [ { "name": "assignee", "type": "string", "required": true } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Task", "id": "upload", "assignee": { "ref": "input.assignee" },
              "title": "Ta fram förslag", "outcomes": ["ready"], "due": "2026-12-10",
              "documents": { "case": "agreement/{{ instance.id }}", "kinds": ["draft-agreement"] },
              "form": [ { "name": "draft", "type": "document", "kind": "draft-agreement", "required": true, "label": { "sv": "Förslag", "en": "Draft" } } ] },
            { "type": "Task", "id": "review", "assignee": { "ref": "input.assignee" },
              "title": "Granska förslaget", "outcomes": ["approve"], "due": "2026-12-10",
              "documents": { "case": "agreement/{{ instance.id }}", "kinds": ["draft-agreement"] } }
          ] }
        }
        """;

    private const string Signing = """
        {
          "id": "signing", "version": 1, "name": "Undertecknande",
          "inputs": [ { "name": "assignee", "type": "string", "required": true } ],
          "root": { "type": "Task", "id": "sign", "assignee": { "ref": "input.assignee" },
                    "title": "Underteckna överenskommelsen", "outcomes": ["sign"], "due": "2026-12-10", "proof": "confirmationCode" }
        }
        """;
}
