using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using BusFlow.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// A running host that mails through a real SMTP server (aiosmtpd), with the shipped templates and
/// one approval for the chair, on a pinned clock. Its links point at the host itself, so the link
/// read from a received mail opens the task page in a browser.
/// </summary>
public sealed partial class MailedTaskHost : IAsyncDisposable
{
    public const string Chair = "ordforande@exempelby.test";
    public const string TaskTitle = "Godkänn verksamhetsplanen 2027";

    /// <summary>"Today": the task is due 2026-12-04, and its link is live.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private const string Approval = """
        {
          "id": "plan-approval", "version": 1, "name": "Godkännande av verksamhetsplan",
          "root": { "type": "Task", "id": "approve", "assignee": "ordforande@exempelby.test",
                    "title": "Godkänn verksamhetsplanen 2027", "description": "Planen har tagits fram av BUS-gruppen.",
                    "outcomes": ["approve", "reject"], "due": "2026-12-04" }
        }
        """;

    private readonly AiosmtpdServer _smtp;
    private readonly TestDatabase _database;
    private readonly TestWorkflows _workflows;

    private MailedTaskHost(AiosmtpdServer smtp, TestDatabase database, TestWorkflows workflows, RunningHost host)
    {
        _smtp = smtp;
        _database = database;
        _workflows = workflows;
        Host = host;
    }

    public RunningHost Host { get; }

    public static async Task<MailedTaskHost> StartAsync()
    {
        var smtp = await AiosmtpdServer.StartAsync();
        var database = SqliteTestDatabase.Create();
        var workflows = TestWorkflows.Create(("plan-approval.json", Approval));
        try
        {
            // The links in mail must name the host's address before it starts: a port picked now.
            var url = $"http://127.0.0.1:{AiosmtpdServer.FreePort()}";
            var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
            {
                ["BusFlow:Urls"] = url,
                ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
                ["BusFlow:Mail:Mode"] = MailOptions.SmtpMode,
                ["BusFlow:Mail:Host"] = "127.0.0.1",
                ["BusFlow:Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["BusFlow:Mail:Security"] = "None",
                ["BusFlow:Mail:LinkBaseUrl"] = url,
                // Delivered when the test says so, not by the recurring job.
                ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
                ["BusFlow:Mail:DeliverAfterCommit"] = "false",
                ["BusFlow:Links:RequestsPerMinute"] = "1000",
            }, new FakeClock(Now));
            return new MailedTaskHost(smtp, database, workflows, host);
        }
        catch
        {
            await HostTeardown.DisposeAsync(null, database, workflows);
            await smtp.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the approval; returns the instance and its open task for the chair.</summary>
    public async Task<(Guid InstanceId, TaskResponse Task)> StartApprovalAsync()
    {
        var started = await Host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "plan-approval", input = new JsonObject() });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instance = await started.ReadAsync<InstanceDetail>();
        var tasks = await Host.Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={instance.Id}&status=open", RunningHost.Json);
        return (instance.Id, Assert.Single(tasks!));
    }

    /// <summary>Delivers the outbox through the SMTP server and returns the one mail that arrived there.</summary>
    public async Task<MimeMessage> DeliverTheMailAsync()
    {
        var report = await Host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
        Assert.Equal(new DeliveryReport(Sent: 1, Retrying: 0, Failed: 0, Skipped: 0), report);
        return Assert.Single(_smtp.Received());
    }

    /// <summary>The task link in a mail's text part: the line under "Öppna uppgiften …", as a person reads it.</summary>
    public static string TaskLinkIn(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var text = mail.TextBody ?? throw new InvalidOperationException("The mail has no text part.");
        return TaskLink().Match(text) is { Success: true } match
            ? match.Groups["link"].Value
            : throw new InvalidOperationException($"No task link in the mail:{Environment.NewLine}{text}");
    }

    public async ValueTask DisposeAsync()
    {
        await HostTeardown.DisposeAsync(Host, _database, _workflows);
        await _smtp.DisposeAsync();
    }

    [GeneratedRegex(@"^Öppna uppgiften .* i BusFlow:\r?\n(?<link>https?://\S+/t/[A-Za-z0-9_-]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex TaskLink();
}
