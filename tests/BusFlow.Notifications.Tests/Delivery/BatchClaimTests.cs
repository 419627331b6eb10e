using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>
/// A node claims several due messages in one transaction and sends them one by one: what it holds no other
/// node sends, what it did not get to is claimed again (at once when it stopped on its own, after the claim
/// when it died), and only a message in flight at its death can go twice.
/// </summary>
public sealed class BatchClaimTests
{
    private const string Queued = "250 2.0.0 Ok: queued";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Messages_claimed_in_one_nodes_batch_are_not_sent_by_another_node_meanwhile(string provider)
    {
        using var firstArrived = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        await using var smtp = ScriptedSmtpServer.Start(n =>
        {
            if (n == 0)
            {
                firstArrived.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }

            return Queued;
        });
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port, o => o.ClaimBatchSize = 5), provider);
        var ids = await harness.EnqueueAsync([.. Enumerable.Range(1, 8).Select(i => DeliveryHarness.Message($"Meddelande {i}"))]);
        var otherNode = ActivatorUtilities.CreateInstance<OutboxDelivery>(harness.Services);

        var first = Task.Run(() => harness.Delivery.DeliverDueAsync());
        Assert.True(firstArrived.Wait(TimeSpan.FromSeconds(30)), "The first node sent nothing.");
        var second = await otherNode.DeliverDueAsync();
        release.Set();
        var firstReport = await first;

        Assert.Equal((5, 3), (firstReport.Sent, second.Sent));
        Assert.Equal(8, smtp.Accepted.Count);
        Assert.Equal(8, smtp.Accepted.Select(MessageIdOf).Distinct().Count());
        foreach (var id in ids)
        {
            var row = await harness.ReadAsync(id);
            Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        }
    }

    [Fact]
    public async Task A_batch_whose_node_stopped_answering_is_sent_by_another_node_once_its_claim_runs_out_and_only_the_message_in_flight_goes_twice()
    {
        using var stuck = new ManualResetEventSlim();
        using var revive = new ManualResetEventSlim();
        await using var smtp = ScriptedSmtpServer.Start(n =>
        {
            if (n == 0)
            {
                // The first node hangs here, its "250" not yet read: as good as dead until revived.
                stuck.Set();
                revive.Wait(TimeSpan.FromSeconds(30));
            }

            return Queued;
        });
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port, o => o.ClaimBatchSize = 5), "Postgres");
        var ids = await harness.EnqueueAsync([.. Enumerable.Range(1, 5).Select(i => DeliveryHarness.Message($"Meddelande {i}"))]);
        var otherNode = ActivatorUtilities.CreateInstance<OutboxDelivery>(harness.Services);

        var hung = Task.Run(() => harness.Delivery.DeliverDueAsync());
        Assert.True(stuck.Wait(TimeSpan.FromSeconds(30)), "The first node sent nothing.");
        var whileHeld = await otherNode.DeliverDueAsync();
        harness.Clock.Advance(Duration.FromTimeSpan(harness.Mail.ClaimDuration) + Duration.FromSeconds(1));
        var afterClaim = await otherNode.DeliverDueAsync();
        revive.Set();
        await hung;

        Assert.Equal(0, whileHeld.Sent);
        Assert.Equal(5, afterClaim.Sent);
        foreach (var id in ids)
        {
            var row = await harness.ReadAsync(id);
            Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts));
        }

        // The message the first node was sending reached the server twice (same Message-ID); the rest once.
        var copies = smtp.Accepted.GroupBy(MessageIdOf).Select(g => g.Count()).Order().ToList();
        Assert.Equal([1, 1, 1, 1, 2], copies);
    }

    [Fact]
    public async Task Messages_of_a_batch_whose_claim_runs_short_are_handed_back_untried_and_sent_by_the_next_run()
    {
        DeliveryHarness harness = null!;
        await using var smtp = ScriptedSmtpServer.Start(n =>
        {
            if (n == 0)
            {
                // The first send took so long that the claim no longer outlasts another send's timeout.
                harness.Clock.Advance(Duration.FromTimeSpan(harness.Mail.ClaimDuration - harness.Mail.Timeout));
            }

            return Queued;
        });
        harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port, o => o.ClaimBatchSize = 5));
        await using var disposing = harness;
        var ids = await harness.EnqueueAsync([.. Enumerable.Range(1, 5).Select(i => DeliveryHarness.Message($"Meddelande {i}"))]);

        var first = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(1, first.Sent);
        var rows = await Task.WhenAll(ids.Select(harness.ReadAsync));
        var handedBack = rows.Where(r => r.Status == OutboxStatus.Pending).ToList();
        Assert.Equal(4, handedBack.Count);
        Assert.All(handedBack, r => Assert.Equal((0, DeliveryHarness.Start), (r.Attempts, r.NextAttemptAt)));

        var next = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(4, next.Sent);
        Assert.All(await Task.WhenAll(ids.Select(harness.ReadAsync)), r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.Equal(5, smtp.Accepted.Select(MessageIdOf).Distinct().Count());
    }

    private static string MessageIdOf(string raw) =>
        raw.Split("\r\n").First(line => line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase));
}
