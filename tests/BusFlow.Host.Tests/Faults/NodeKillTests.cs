using System.Diagnostics;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using Xunit.Abstractions;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// A node killed with kill -9 — no shutdown, no flushing, as a power cut or the OOM killer would —
/// while the others carry on: nothing it was doing is lost, nothing is done twice, and mail goes on.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait(FaultsCollection.Category, FaultsCollection.Name)]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    private const int Instances = 150;

    /// <summary>Hangfire's schedule and queue polls (1 s each in the tests) and the run's own start.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task One_of_three_nodes_killed_in_a_run_of_answers_timers_and_mail_loses_no_instance_and_fires_no_timer_or_answer_twice()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var run = await FaultRun.StartAsync(database, nodes: 3, delay: TimeSpan.FromSeconds(2));
        var victim = run.Nodes[2];

        await run.StartInstancesAsync("answer-timer-mail", Instances);
        // Half-way through the answers the first timers are firing and their mails going out.
        await run.AnswerAsync([.. run.Instances.Keys], async answered =>
        {
            if (answered == Instances / 2)
            {
                await victim.KillAsync();
            }
        });
        await run.WaitUntilAllCompletedAsync(TimeSpan.FromSeconds(120));
        await run.AssertEachStepHappenedOnceAsync(withTimer: true);
        await run.WaitForEveryMailAsync(TimeSpan.FromSeconds(60));
        // A message the dead node had claimed is sent again once its claim runs out: wait for that, to count it.
        await Task.Delay(FaultRun.ClaimDuration + FaultRun.DeliveryInterval + Margin);
        var mail = MailTally.Of(run.Smtp.Received());

        output.WriteLine($"kill -9 of one of three nodes, {Instances} instances: {mail}; wall time {wall.Elapsed.TotalSeconds:F0} s.");
        Assert.True(victim.HasExited);
        Assert.All(run.Alive, node => Assert.False(node.HasExited));
        Assert.Equal(2, run.Alive.Count);
        // The goal is 0. A node records each message right behind the server's "250", and waits for those records
        // before it has more than OutboxDelivery.MostUnrecorded sent and unrecorded: at most that many per killed node.
        Assert.True(mail.Duplicates <= OutboxDelivery.MostUnrecorded, $"Mails delivered twice: {mail}");
    }

    [Fact]
    public async Task When_the_node_delivering_mail_is_killed_the_other_delivers_the_rest_within_one_delivery_interval()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync("Postgres");
        // 100 ms a message, as a busy relay: 300 mails make a run of some 15 s on two nodes to kill one in.
        await using var run = await FaultRun.StartAsync(database, nodes: 2, delay: TimeSpan.FromSeconds(1), smtpPerMessage: TimeSpan.FromMilliseconds(100));

        await run.StartInstancesAsync("mail-only", 300);
        var deliverer = await run.DeliveringNodeAsync(atLeast: 30);
        await deliverer.KillAsync();
        // A message on its way at the kill may still land: count from just after.
        await Task.Delay(300);
        var atKill = run.MailsReceived;
        Assert.True(atKill < run.Instances.Count, "Every mail was sent before the kill: the test proved nothing.");
        var resumed = await run.TimeUntilMailResumesAsync(atKill, FaultRun.DeliveryInterval + Margin);
        output.WriteLine($"kill -9 of the delivering node with {run.Instances.Count - atKill} of {run.Instances.Count} mails left: " +
                         $"the other resumed after {(resumed is { } r ? $"{r.TotalSeconds:F1} s" : "more than the bound")}.");
        Assert.True(resumed is not null,
            $"The surviving node sent nothing within one delivery interval ({FaultRun.DeliveryInterval.TotalSeconds} s) + {Margin.TotalSeconds} s of the kill. What the nodes logged about locks: {run.LockComplaints()}");
        await run.WaitForEveryMailAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(FaultRun.ClaimDuration + FaultRun.DeliveryInterval + Margin);
        var mail = MailTally.Of(run.Smtp.Received());

        output.WriteLine($"{mail}; wall time {wall.Elapsed.TotalSeconds:F0} s.");
        Assert.True(mail.Duplicates <= OutboxDelivery.MostUnrecorded, $"Mails delivered twice: {mail}");
    }
}
