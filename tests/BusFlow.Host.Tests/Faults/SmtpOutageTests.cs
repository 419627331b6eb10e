using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing;
using BusFlow.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit.Abstractions;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// The mail server gone for an hour, on the host's virtual clock: delivery runs every minute of it
/// as the recurring job would, and the outbox holds every message until the server is back.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait(FaultsCollection.Category, FaultsCollection.Name)]
public sealed class SmtpOutageTests(ITestOutputHelper output)
{
    private const int Mails = 10;

    [Fact]
    public async Task With_the_mail_server_down_for_an_hour_the_outbox_holds_every_message_and_delivers_each_once_when_it_is_back()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        using var workflows = TestWorkflows.Create(("mail-only.json", FaultRun.MailOnlyWorkflow));
        var smtpPort = AiosmtpdServer.FreePort();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 8, 0));
        await using var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Mail:Mode"] = MailOptions.SmtpMode,
            ["BusFlow:Mail:Host"] = "127.0.0.1",
            ["BusFlow:Mail:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusFlow:Mail:Security"] = "None",
            // Delivered when the test says so, once a virtual minute, as the recurring job would.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
        }, clock);
        for (var n = 1; n <= Mails; n++)
        {
            var started = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "mail-only", input = new { n = $"{n}" } });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        var delivery = host.Services.GetRequiredService<OutboxDelivery>();
        var runsThatFoundItDown = 0;
        for (var minute = 0; minute < 60; minute++)
        {
            var report = await delivery.DeliverDueAsync();
            var outbox = await OutboxAsync(host);
            Assert.Equal(0, report.Sent + report.Failed);
            Assert.All(outbox, m => Assert.Equal(OutboxStatus.Pending, m.Status));
            runsThatFoundItDown += outbox.Count == Mails ? 1 : 0;
            clock.Advance(Duration.FromMinutes(1));
        }

        var held = await OutboxAsync(host);
        await using var smtp = await AiosmtpdServer.StartAsync(smtpPort);
        var after = await delivery.DeliverDueAsync();
        var delivered = await OutboxAsync(host);
        var mail = MailTally.Of(smtp.Received());

        output.WriteLine($"An hour without the mail server: {runsThatFoundItDown} delivery runs found it down, {held.Count(m => m.Status == OutboxStatus.Pending)} messages held " +
                         $"with {held.Sum(m => m.Attempts)} attempts spent; afterwards {after.Sent} sent at once; {mail}; wall time {wall.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal(60, runsThatFoundItDown);
        Assert.Equal(Mails, held.Count);
        // An unreachable server costs no message an attempt, so no outage, however long, fails one for good.
        Assert.All(held, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.Equal(new DeliveryReport(Mails, 0, 0, 0), after);
        Assert.All(delivered, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal((Mails, Mails, 0), (mail.Received, mail.Distinct, mail.Duplicates));
        Assert.Equal(Enumerable.Range(1, Mails).Select(FaultRun.MailSubject).Order(StringComparer.Ordinal), mail.Subjects.Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(RunningHost host)
    {
        await using var session = await host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        return await session.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: 1000), CancellationToken.None);
    }
}
