using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class AgreementRenewalWorkflowTests : IAsyncLifetime
{
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private Task<WorkflowInstance> StartRenewalAsync() =>
        _bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = "bus-2023-2026" }, "renewal-bus-2023-2026");

    [Fact]
    public async Task The_agreement_ending_2026_is_renewed_from_1_April_and_the_new_one_is_in_force_on_1_January_2027()
    {
        var renewal = await StartRenewalAsync();

        await _bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var journal = await _bus.JournalAsync(renewal.Id);
        var started = journal.First(j => j.Kind == JournalKind.TimerFired);
        Assert.Equal(new LocalDateTime(2026, 4, 1, 8, 0), BusHarness.Local(started.At));
        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(renewal.Id)).Status);

        var renewed = await _bus.AgreementAsync("bus-2027-2030");
        Assert.NotNull(renewed);
        Assert.Equal((new LocalDate(2027, 1, 1), new LocalDate(2030, 12, 31)), (renewed.ValidFrom, renewed.ValidUntil));
        Assert.Equal(AgreementStatus.Active, renewed.Status);
        Assert.Equal(AgreementStatus.Superseded, (await _bus.AgreementAsync("bus-2023-2026"))!.Status);
        var activated = journal.Single(j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == "activate");
        Assert.Equal(new LocalDateTime(2027, 1, 1, 0, 0), BusHarness.Local(activated.At));

        var decisions = await _bus.DecisionsAsync("bus-2027-2030");
        Assert.Equal(["bun", "kun", "sn"], decisions.Select(d => d.BoardId).Order());
        Assert.All(decisions, d => Assert.Equal(DecisionOutcome.Approve, d.Outcome));
        Assert.All(decisions, d => Assert.True(new SwedishWorkingDayCalendar().IsWorkingDay(d.DecisionDate), $"{d.BoardId} decided on {d.DecisionDate}"));

        var signatures = await _bus.ReadAsync((_, r) => r.ListSignaturesAsync("bus-2027-2030", default));
        Assert.Equal(3, signatures.Count);
        // The outgoing chairs sign in 2026: the role holder on the day they are asked.
        foreach (var signature in signatures)
        {
            var chair = await _bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Chair, signature.BoardId, BusHarness.Local(signature.SignedAt).Date, default));
            Assert.Equal(chair!.Id, signature.PersonId);
        }

        // The cycle goes on: the new agreement's own renewal waits for 1 April 2030.
        var next = Assert.Single((await _bus.InstancesAsync("agreement-renewal")), i => i.Id != renewal.Id);
        Assert.Equal(InstanceStatus.Waiting, next.Status);
        Assert.Single(await _bus.InstancesAsync("bus-annual-cycle"));
    }

    [Fact]
    public async Task Every_task_of_the_renewal_falls_due_on_a_Swedish_working_day()
    {
        await StartRenewalAsync();

        await _bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var calendar = new SwedishWorkingDayCalendar();
        var tasks = await _bus.AllTasksAsync();
        Assert.NotEmpty(tasks);
        Assert.All(tasks.Where(t => t.DueDate is not null), t => Assert.True(calendar.IsWorkingDay(t.DueDate!.Value), $"'{t.Title}' is due on {t.DueDate}"));
    }

    [Fact]
    public async Task A_board_that_rejects_every_time_lets_the_agreement_lapse_and_on_1_January_the_chairs_are_told_and_the_cycles_go_on()
    {
        var renewal = await StartRenewalAsync();

        await _bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, _) => board == "kun" ? "reject" : "approve",
        });

        Assert.Equal(AgreementStatus.Expired, (await _bus.AgreementAsync("bus-2023-2026"))!.Status);
        Assert.Equal(AgreementStatus.InDecision, (await _bus.AgreementAsync("bus-2027-2030"))!.Status);
        Assert.Equal(InstanceStatus.Waiting, (await _bus.InstanceAsync(renewal.Id)).Status);
        var rejections = (await _bus.DecisionsAsync("bus-2027-2030")).Where(d => d.BoardId == "kun").ToList();
        Assert.True(rejections.Count >= 2, $"KUN decided {rejections.Count} times");
        Assert.All(rejections, d => Assert.Equal(DecisionOutcome.Reject, d.Outcome));

        // Told the chairs of the new mandate, by mail: on 1 January 2027 they hold the role.
        var told = (await _bus.OutboxAsync()).Where(m => m.Subject.Contains("har löpt ut utan ny överenskommelse", StringComparison.Ordinal)).ToList();
        foreach (var board in new[] { "sn", "bun", "kun" })
        {
            var chair = await _bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Chair, board, new LocalDate(2027, 1, 1), default));
            Assert.Single(told, m => m.To == chair!.Email);
        }

        Assert.All(told, m => Assert.Equal(new LocalDate(2027, 1, 1), BusHarness.Local(m.CreatedAt).Date));

        // The collaboration goes on: the wheel of 2027–2030 turns under the lapsed agreement.
        var wheel = Assert.Single(await _bus.InstancesAsync("bus-annual-cycle"), i => i.CorrelationKey == "annual-cycle-bus-2027-2030");
        Assert.Equal(InstanceStatus.Waiting, wheel.Status);

        // The round that failed after the election is tried again by the new boards from January 2027.
        var asked = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "prepareDraft").OrderBy(t => t.CreatedAt).Last();
        Assert.Equal(new LocalDate(2027, 1, 4), BusHarness.Local(asked.CreatedAt).Date);
        Assert.Contains("Avslog: KUN.", asked.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_whose_secretary_never_answers_ends_the_round_at_its_deadline_as_undecided_and_the_new_boards_are_asked_in_January()
    {
        var renewal = await StartRenewalAsync();
        var silent = await _bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Secretary, "bun", new LocalDate(2026, 6, 1), default));

        await _bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm) { Silent = silent!.Email });

        Assert.Equal(AgreementStatus.Expired, (await _bus.AgreementAsync("bus-2023-2026"))!.Status);
        // A silent secretary never gives the registration number either: her first task in each round is that one.
        var bunTasks = (await _bus.AllTasksAsync()).Where(t => t.Assignee == silent.Email && t.ActivityId is "recordDecision" or BoardResponder.RegisterMatterTask).OrderBy(t => t.CreatedAt).ToList();
        Assert.Equal(2, bunTasks.Count);
        Assert.Equal(HumanTaskStatus.Cancelled, bunTasks[0].Status);
        Assert.Equal(new LocalDate(2026, 11, 30), BusHarness.Local(bunTasks[0].ClosedAt!.Value).Date.PlusDays(-1));
        Assert.Equal(HumanTaskStatus.Open, bunTasks[1].Status);
        Assert.True(BusHarness.Local(bunTasks[1].CreatedAt).Year == 2027, $"asked again on {BusHarness.Local(bunTasks[1].CreatedAt)}");
        var prepared = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "prepareDraft").OrderBy(t => t.CreatedAt).Last();
        Assert.Contains("Beslutade inte i tid: BUN.", prepared.Description, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Waiting, (await _bus.InstanceAsync(renewal.Id)).Status);
    }
}
