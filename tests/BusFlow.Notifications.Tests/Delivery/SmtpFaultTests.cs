using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing.Mail;
using NodaTime;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>Temporary and permanent refusals and broken connections, from a scripted SMTP stand-in.</summary>
public sealed class SmtpFaultTests
{
    [Fact]
    public async Task A_451_leaves_the_message_pending_with_backoff_and_the_retry_sends_it_once_with_the_same_Message_ID()
    {
        await using var smtp = ScriptedSmtpServer.Start(n => n == 0 ? "451 4.3.0 Mailbox temporarily unavailable" : "250 2.0.0 Ok: queued");
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));

        var first = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(0, 1, 0, 0), first);
        var waiting = await harness.ReadAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(DeliveryHarness.Start + Duration.FromMinutes(1), waiting.NextAttemptAt);
        Assert.Equal("451 4.3.0 Mailbox temporarily unavailable", waiting.ServerReply);

        // Not due yet: nothing is tried.
        harness.Clock.AdvanceSeconds(59);
        Assert.Equal(new DeliveryReport(0, 0, 0, 0), await harness.Delivery.DeliverDueAsync());
        Assert.Single(smtp.Sent);

        harness.Clock.AdvanceSeconds(1);
        var retry = await harness.Delivery.DeliverDueAsync();
        harness.Clock.AdvanceMinutes(10);
        await harness.Delivery.DeliverDueAsync();

        Assert.Equal(1, retry.Sent);
        var sent = await harness.ReadAsync(id);
        Assert.Equal((OutboxStatus.Sent, 2, "250 2.0.0 Ok: queued"), (sent.Status, sent.Attempts, sent.ServerReply));
        Assert.Equal(2, smtp.Sent.Count);
        Assert.All(smtp.Sent, raw => Assert.Contains($"Message-Id: <{id}@exempelby.test>", raw, StringComparison.OrdinalIgnoreCase));
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task A_550_marks_the_message_failed_with_the_servers_reply_and_it_is_not_tried_again()
    {
        await using var smtp = ScriptedSmtpServer.Start(_ => "550 5.1.1 <asa.oberg@exempelby.test>: Recipient address rejected");
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));

        var report = await harness.Delivery.DeliverDueAsync();
        harness.Clock.AdvanceHours(24);
        await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(0, 0, 1, 0), report);
        var failed = await harness.ReadAsync(id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("550 5.1.1 <asa.oberg@exempelby.test>: Recipient address rejected", failed.ServerReply);
        Assert.Contains("refused", failed.FailureReason, StringComparison.Ordinal);
        Assert.Null(failed.SentAt);
        Assert.Single(smtp.Sent);
    }

    [Fact]
    public async Task A_connection_dropped_after_MAIL_FROM_loses_nothing_the_next_run_reconnects_and_sends_it()
    {
        await using var smtp = ScriptedSmtpServer.Start(dropAfterMailFrom: n => n == 0);
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));

        var first = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(0, 1, 0, 0), first);
        var waiting = await harness.ReadAsync(id);
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("connection broke", waiting.FailureReason, StringComparison.Ordinal);
        Assert.Equal(DeliveryHarness.Start + Duration.FromMinutes(1), waiting.NextAttemptAt);

        harness.Clock.AdvanceMinutes(1);
        var retry = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(1, retry.Sent);
        Assert.Equal(OutboxStatus.Sent, (await harness.ReadAsync(id)).Status);
        Assert.Equal(2, smtp.Connections);
        Assert.Single(smtp.Accepted);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_rest_of_the_batch_goes_through_a_new_one()
    {
        await using var smtp = ScriptedSmtpServer.Start(dropAfterMailFrom: n => n == 0);
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var ids = await harness.EnqueueAsync(DeliveryHarness.Message("Ett"), DeliveryHarness.Message("Två"));

        var report = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(1, 1, 0, 0), report);
        var statuses = new[] { (await harness.ReadAsync(ids[0])).Status, (await harness.ReadAsync(ids[1])).Status };
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Sent], statuses.Order());
        Assert.Equal(2, smtp.Connections);
    }

    [Fact]
    public async Task The_wait_doubles_after_each_temporary_failure_and_the_message_fails_after_MaxAttempts()
    {
        await using var smtp = ScriptedSmtpServer.Start(_ => "421 4.7.0 Try again later");
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port, o => o.MaxAttempts = 3));
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));
        var waits = new List<Duration>();

        for (var run = 0; run < 3; run++)
        {
            var before = harness.Clock.GetCurrentInstant();
            await harness.Delivery.DeliverDueAsync();
            var row = await harness.ReadAsync(id);
            if (row.Status == OutboxStatus.Pending)
            {
                waits.Add(row.NextAttemptAt - before);
                harness.Clock.Reset(row.NextAttemptAt);
            }
        }

        Assert.Equal([Duration.FromMinutes(1), Duration.FromMinutes(2)], waits);
        var failed = await harness.ReadAsync(id);
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.StartsWith("Given up after 3 attempts.", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal("421 4.7.0 Try again later", failed.ServerReply);
        Assert.Equal(3, smtp.Sent.Count);
    }

    [Fact]
    public async Task An_unreachable_server_costs_no_message_an_attempt()
    {
        var port = AiosmtpdServer.FreePort();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(port));
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));

        var report = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(0, 0, 0, 0), report);
        var row = await harness.ReadAsync(id);
        Assert.Equal((OutboxStatus.Pending, 0, DeliveryHarness.Start), (row.Status, row.Attempts, row.NextAttemptAt));
    }
}
