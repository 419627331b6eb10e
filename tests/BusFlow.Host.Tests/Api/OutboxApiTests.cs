using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Api.Outbox;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Api;

/// <summary>GET /api/outbox on a host whose workflow sends mail, delivered in Folder mode.</summary>
public sealed class OutboxApiTests : IAsyncLifetime
{
    private const string Notice = """
        {
          "id": "notice",
          "version": 1,
          "name": "Meddelande",
          "inputs": [ { "name": "to", "type": "string", "required": true } ],
          "root": { "type": "SendEmail", "id": "send", "to": { "ref": "input.to" }, "subject": "Kallelse till årsmöte", "body": "Välkommen!", "urgent": true }
        }
        """;

    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"busflow-mail-{Guid.NewGuid():N}");
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    private RunningHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create(("notice.json", Notice));
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Mail:Mode"] = "Folder",
            ["BusFlow:Mail:Folder"] = _mailFolder,
            // Delivered by the test, not by the recurring job.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
        });
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows, _mailFolder);

    [Fact]
    public async Task Mail_a_workflow_sends_is_listed_pending_and_then_sent_with_the_reply()
    {
        var started = await Host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "notice", input = new JsonObject { ["to"] = "asa.oberg@exempelby.test" } });
        started.EnsureSuccessStatusCode();

        var pending = await Host.Client.GetFromJsonAsync<List<OutboxMessageResponse>>("/api/outbox?status=pending", RunningHost.Json);
        var message = Assert.Single(pending!);
        Assert.Equal(("asa.oberg@exempelby.test", "Kallelse till årsmöte", OutboxStatus.Pending, 0), (message.To, message.Subject, message.Status, message.Attempts));
        Assert.Null(message.SentAt);

        await Host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync();

        Assert.Empty((await Host.Client.GetFromJsonAsync<List<OutboxMessageResponse>>("/api/outbox?status=pending", RunningHost.Json))!);
        var sent = Assert.Single((await Host.Client.GetFromJsonAsync<List<OutboxMessageResponse>>("/api/outbox?status=Sent", RunningHost.Json))!);
        Assert.Equal((message.Id, OutboxStatus.Sent, 1), (sent.Id, sent.Status, sent.Attempts));
        Assert.NotNull(sent.SentAt);
        Assert.Contains(_mailFolder, sent.ServerReply, StringComparison.Ordinal);
        Assert.Null(sent.FailureReason);
        Assert.Single(Directory.GetFiles(_mailFolder, $"*-{message.Id}.eml"));

        var json = await Host.Client.GetFromJsonAsync<JsonArray>("/api/outbox", RunningHost.Json);
        var names = json![0]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "id", "to", "subject", "status", "attempts", "createdAt", "sentAt", "serverReply", "failureReason" }, names);
        Assert.Equal("sent", json[0]!["status"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem_listing_the_allowed_ones()
    {
        var response = await Host.Client.GetAsync("/api/outbox?status=lost");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "pending, sent, failed");
    }
}
