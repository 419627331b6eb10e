using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Feeds;

/// <summary>
/// A host on a SQLite file with the demo municipality and three open tasks with due dates, on
/// Monday 2 March 2026 at 09:00 in Stockholm. Feed URLs are issued under <see cref="LinkBaseUrl"/>.
/// </summary>
public sealed class FeedHostFixture : IAsyncLifetime
{
    public const string LinkBaseUrl = "https://busflow.exempelby.test/";

    public const string AnnaLindqvist = "anna.lindqvist@exempelby.test";
    public const string OlofWester = "olof.wester@exempelby.test";
    public const string MariaHolmgren = "maria.holmgren@exempelby.test";
    public const string JohanForsberg = "johan.forsberg@exempelby.test";

    public const string SocialNotice = "Skicka kallelse till Socialnämnden";
    public const string ChairReview = "Granska protokollet";
    public const string YouthNotice = "Skicka kallelse till Barn- och ungdomsnämnden";

    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 8, 0);

    /// <summary>One task, for an assignee and (when given) a role, due on a date.</summary>
    private const string Deadline = """
        {
          "id": "deadline",
          "version": 1,
          "name": "Tidsfrist",
          "inputs": [
            { "name": "title", "type": "string", "required": true },
            { "name": "assignee", "type": "string", "required": true },
            { "name": "role", "type": "string", "required": true },
            { "name": "due", "type": "date", "required": true }
          ],
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              {
                "type": "Task",
                "id": "work",
                "assignee": { "ref": "input.assignee" },
                "title": "{{ input.title }}",
                "role": { "ref": "input.role" },
                "due": { "ref": "input.due" },
                "outcomes": ["done"]
              }
            ]
          }
        }
        """;

    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"busflow-mail-{Guid.NewGuid():N}");
    private SqliteTestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The host has not started.");

    public HttpClient Client => (_host ?? throw new InvalidOperationException("The host has not started.")).Client;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create(("deadline.json", Deadline));
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Mail:Mode"] = "Folder",
            ["BusFlow:Mail:Folder"] = _mailFolder,
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            ["BusFlow:Mail:LinkBaseUrl"] = LinkBaseUrl,
        }, new FakeClock(Now));

        var store = _host.Services.GetRequiredService<IWorkflowStore>();
        await using (var session = await store.BeginAsync(default))
        {
            await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), Now, default);
            await session.CommitAsync(default);
        }

        await StartTaskAsync(SocialNotice, MariaHolmgren, "sn/Secretary", "2026-03-20");
        await StartTaskAsync(ChairReview, AnnaLindqvist, "", "2026-04-15");
        await StartTaskAsync(YouthNotice, JohanForsberg, "bun/Secretary", "2026-03-25");
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows, _mailFolder);

    /// <summary>POST /api/feeds for <paramref name="subject"/>; asserts a 201 and returns its answer.</summary>
    public async Task<FeedResponse> IssueAsync(string subject, string? actor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feeds") { Content = JsonContent.Create(new { subject }) };
        using var client = actor is null ? null : await _host!.ClientForAsync(actor, [BusFlow.Accounts.AccountRoles.Administrator]);
        using var response = await (client ?? Client).SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var feed = await response.ReadAsync<FeedResponse>();
        Assert.Equal(feed.Url, response.Headers.Location?.ToString());
        return feed;
    }

    /// <summary>The path of a feed URL on the test host (the URL itself names the configured public address).</summary>
    public static string PathOf(FeedResponse feed)
    {
        Assert.StartsWith(LinkBaseUrl + "feeds/", feed.Url, StringComparison.Ordinal);
        Assert.EndsWith(".ics", feed.Url, StringComparison.Ordinal);
        return new Uri(feed.Url).AbsolutePath;
    }

    /// <summary>GETs a feed, asserts it is a calendar and parses it.</summary>
    public async Task<Calendar> SubscribeAsync(FeedResponse feed)
    {
        using var response = await Client.GetAsync(PathOf(feed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return Calendar.Load(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The feed is not iCalendar.");
    }

    private async Task StartTaskAsync(string title, string assignee, string role, string due)
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "deadline",
            input = new JsonObject { ["title"] = title, ["assignee"] = assignee, ["role"] = role, ["due"] = due },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
