using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Tests.Delivery;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Notifications.Tests.Outbox;

/// <summary>The outbox facet in the workflow's transaction, and claims that keep two nodes from sending one message.</summary>
public sealed class OutboxClaimTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_enqueued_in_a_session_disposed_without_commit_is_not_written(string provider)
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), provider);
        var message = OutboxMessage.Create(DeliveryHarness.Message(), DeliveryHarness.Start);

        await using (var session = await harness.Store.BeginAsync())
        {
            var outbox = session.Facet<IOutbox>();
            outbox.Enqueue(message);
            // The query writes it into the transaction; disposing rolls it back.
            Assert.Single(await outbox.ListDueAsync(DeliveryHarness.Start, 10, default));
            Assert.Same(outbox, session.Facet<IOutbox>());
        }

        await using var check = await harness.Store.BeginAsync();
        Assert.Null(await check.Facet<IOutbox>().FindAsync(message.Id, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_nodes_delivering_at_once_send_each_message_exactly_once(string provider)
    {
        await using var smtp = ScriptedSmtpServer.Start();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port), provider);
        var ids = await harness.EnqueueAsync([.. Enumerable.Range(1, 30).Select(i => DeliveryHarness.Message($"Meddelande {i}"))]);
        var otherNode = ActivatorUtilities.CreateInstance<OutboxDelivery>(harness.Services);

        var reports = await Task.WhenAll(
            Task.Run(() => harness.Delivery.DeliverDueAsync()),
            Task.Run(() => otherNode.DeliverDueAsync()));

        Assert.Equal(30, reports.Sum(r => r.Sent));
        Assert.Equal(0, reports.Sum(r => r.Retrying + r.Failed));
        Assert.Equal(30, smtp.Accepted.Count);
        Assert.Equal(30, smtp.Accepted.Select(MessageIdOf).Distinct().Count());
        foreach (var id in ids)
        {
            var row = await harness.ReadAsync(id);
            Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        }
    }

    [Fact]
    public async Task On_PostgreSQL_a_claim_on_a_stale_row_loses_to_the_one_committed_first()
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), "Postgres");
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));
        var claimUntil = DeliveryHarness.Start + NodaTime.Duration.FromMinutes(10);

        await using var first = await harness.Store.BeginAsync();
        await using var second = await harness.Store.BeginAsync();
        var mine = (await first.Facet<IOutbox>().FindAsync(id, default))!;
        var theirs = (await second.Facet<IOutbox>().FindAsync(id, default))!;
        mine.Claim(claimUntil);
        theirs.Claim(claimUntil);
        await first.CommitAsync(default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(default));
        Assert.Equal(1, (await harness.ReadAsync(id)).Attempts);
    }

    [Fact]
    public async Task On_PostgreSQL_two_sessions_claiming_batches_at_once_take_different_messages()
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), "Postgres");
        var ids = await harness.EnqueueAsync([.. Enumerable.Range(1, 5).Select(i => DeliveryHarness.Message($"Meddelande {i}"))]);

        await using var first = await harness.Store.BeginAsync();
        await using var second = await harness.Store.BeginAsync();
        var mine = await first.Facet<IOutbox>().ClaimDueAsync(DeliveryHarness.Start, 3, default);
        var theirs = await second.Facet<IOutbox>().ClaimDueAsync(DeliveryHarness.Start, 10, default);

        Assert.Equal(3, mine.Count);
        Assert.Equal(2, theirs.Count);
        Assert.Equal(ids.Order(), mine.Concat(theirs).Select(m => m.Id).Order());
        Assert.All(mine.Concat(theirs), m => Assert.Equal("Åsa Öberg <asa.oberg@exempelby.test>", m.To));
    }

    private static string MessageIdOf(string raw) =>
        raw.Split("\r\n").First(line => line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase));
}
