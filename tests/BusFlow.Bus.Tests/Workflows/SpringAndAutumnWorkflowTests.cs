using BusFlow.Bus.Calendar;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class SpringAndAutumnWorkflowTests : IAsyncLifetime
{
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 12, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task The_spring_review_asks_every_party_for_a_report_then_the_secretary_compiles_and_records_the_meeting()
    {
        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));
        var reports = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "report").ToList();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(new LocalDate(2026, 3, 16), r.DueDate));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 6, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(review.Id)).Status);
        var tasks = (await _bus.AllTasksAsync()).Where(t => t.InstanceId == review.Id).ToList();
        Assert.Equal(["report", "report", "report", "compileStatus", "recordNotes"], tasks.Select(t => t.ActivityId));
        var notes = tasks.Single(t => t.ActivityId == "recordNotes");
        // The notes are asked for when the meeting has ended, at 16:00.
        Assert.Equal(new LocalDateTime(2026, 4, 15, 16, 0), BusHarness.Local(notes.CreatedAt));
        Assert.Equal(3, (await _bus.VariablesAsync(review.Id))["reports"]!.AsObject().Count);
    }

    [Fact]
    public async Task The_autumn_planning_puts_the_priorities_to_a_decision_round_and_the_approving_boards_into_their_plans()
    {
        var planning = await _bus.StartAsync("autumn-planning", CycleInputs.Autumn2026());

        await _bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, _) => board == "kun" ? "reject" : "approve",
        });

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(planning.Id)).Status);
        var plans = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "updatePlan").ToList();
        Assert.Equal(2, plans.Count);
        Assert.All(plans, p => Assert.Contains("2027", p.Title, StringComparison.Ordinal));
        var calendar = new SwedishWorkingDayCalendar();
        Assert.All((await _bus.AllTasksAsync()).Where(t => t.DueDate is not null && t.ActivityId != "recordDecision"),
            t => Assert.True(calendar.IsWorkingDay(t.DueDate!.Value), $"'{t.Title}' due {t.DueDate}"));
    }
}
