using System.Diagnostics;
using System.Net;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using Xunit.Abstractions;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// PostgreSQL stopped for a minute under running nodes (pg_ctl stop -m fast on a cluster of the
/// test's own, as an operator restarting it or a failover would) and started again.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait(FaultsCollection.Category, FaultsCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    /// <summary>Hangfire's schedule and queue polls (1 s each in the tests) and the run's own start.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_a_minute_without_the_database_in_the_middle_of_a_mail_run_the_rest_goes_out_within_one_delivery_interval()
    {
        var wall = Stopwatch.StartNew();
        await using var cluster = await PostgresCluster.StartNewAsync();
        await using var database = await cluster.CreateDatabaseAsync();
        await using var run = await FaultRun.StartAsync(database, nodes: 2, delay: TimeSpan.FromSeconds(1), smtpPerMessage: TimeSpan.FromMilliseconds(100));

        await run.StartInstancesAsync("mail-only", 300);
        await run.DeliveringNodeAsync(atLeast: 30);
        await cluster.StopAsync();
        await Task.Delay(Outage);
        var duringOutage = run.MailsReceived;
        await cluster.StartAsync();
        var resumed = await run.TimeUntilMailResumesAsync(duringOutage, FaultRun.DeliveryInterval + Margin);
        output.WriteLine($"PostgreSQL stopped for {Outage.TotalSeconds} s with {run.Instances.Count - duringOutage} of {run.Instances.Count} mails left: " +
                         $"mail resumed {(resumed is { } r ? $"{r.TotalSeconds:F1} s" : "later than the bound")} after it was back.");
        Assert.True(resumed is not null,
            $"No mail went out within one delivery interval ({FaultRun.DeliveryInterval.TotalSeconds} s) + {Margin.TotalSeconds} s of the database's return. What the nodes logged about locks: {run.LockComplaints()}");
        Assert.True(duringOutage < run.Instances.Count, "Every mail was sent before the outage: the test proved nothing.");
        await run.WaitForEveryMailAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(FaultRun.ClaimDuration + FaultRun.DeliveryInterval + Margin);
        var mail = MailTally.Of(run.Smtp.Received());

        output.WriteLine($"{mail}; wall time {wall.Elapsed.TotalSeconds:F0} s.");
        Assert.All(run.Nodes, node => Assert.False(node.HasExited));
        // A message sent while its result could not be recorded goes again: at most the few each node had sent unrecorded.
        Assert.True(mail.Duplicates <= run.Nodes.Count * OutboxDelivery.MostUnrecorded, $"Mails delivered twice: {mail}");
    }

    [Fact]
    public async Task Nodes_outlive_a_minute_without_the_database_say_not_ready_meanwhile_and_then_lose_no_timer_or_mail()
    {
        var wall = Stopwatch.StartNew();
        await using var cluster = await PostgresCluster.StartNewAsync();
        await using var database = await cluster.CreateDatabaseAsync();
        // The timers of the instances answered before the outage come due in the middle of it.
        await using var run = await FaultRun.StartAsync(database, nodes: 2, delay: TimeSpan.FromSeconds(20));
        await run.StartInstancesAsync("answer-timer-mail", 20);
        await run.AnswerAsync([.. run.Instances.Keys]);

        await cluster.StopAsync();
        var stopped = Stopwatch.StartNew();
        var duringOutage = new List<(double Seconds, HttpStatusCode? Status)>();
        while (stopped.Elapsed < Outage)
        {
            foreach (var node in run.Nodes)
            {
                duringOutage.Add((stopped.Elapsed.TotalSeconds, await ReadinessAsync(node)));
            }

            await Task.Delay(2000);
        }

        var alive = run.Nodes.Select(node => !node.HasExited).ToList();
        await cluster.StartAsync();
        var ready = await Task.WhenAll(run.Nodes.Select(node => TimeUntilReadyAsync(node, TimeSpan.FromSeconds(30))));
        output.WriteLine($"/health/ready during the outage: {string.Join(", ", duringOutage.Select(r => $"{r.Seconds:F0}s {(r.Status is { } s ? (int)s : "no answer")}"))}; " +
                         $"ready again after {string.Join(" and ", ready.Select(r => r is { } t ? $"{t.TotalSeconds:F1} s" : "never"))}.");

        Assert.Equal([true, true], alive);
        // The first seconds are the check's own: a request already under way may still have answered.
        Assert.All(duringOutage.Where(r => r.Seconds >= 5), r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        Assert.All(ready, r => Assert.NotNull(r));

        // They carry on: new instances run through, and the timers that came due in the outage fire, once.
        await run.StartInstancesAsync("answer-timer-mail", 20);
        await run.AnswerAsync([.. run.Instances.Where(i => i.Value > 20).Select(i => i.Key)]);
        await run.WaitUntilAllCompletedAsync(TimeSpan.FromSeconds(90));
        await run.AssertEachStepHappenedOnceAsync(withTimer: true);
        var mail = await run.WaitForEveryMailAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"{run.Instances.Count} instances completed; {mail}; wall time {wall.Elapsed.TotalSeconds:F0} s.");
        Assert.All(run.Nodes, node => Assert.False(node.HasExited));
    }

    /// <summary>The status of GET /health/ready, or null when the node did not answer within 5 s.</summary>
    private static async Task<HttpStatusCode?> ReadinessAsync(HostProcess node)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<TimeSpan?> TimeUntilReadyAsync(HostProcess node, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await ReadinessAsync(node) == HttpStatusCode.OK)
            {
                return clock.Elapsed;
            }

            await Task.Delay(500);
        }

        return null;
    }
}
