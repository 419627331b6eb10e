using System.Text.Json.Nodes;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// A matter goes to the board's first meeting whose notice (kallelse) has not yet gone out: SN gives
/// notice five days before, BUN four working days before.
/// </summary>
public sealed class NoticeRuleWorkflowTests
{
    private const string Changer = "lena.vikstrom@exempelby.test";

    private static Task<WorkflowInstance> StartDecisionAsync(BusHarness bus, string board) => bus.StartAsync("board-decision", new JsonObject
    {
        ["board"] = board,
        ["subject"] = "Gemensam satsning på fritidsgårdar",
        ["registrationNumber"] = "2027.014 SN",
        ["proposedDecision"] = "Nämnden ställer sig bakom satsningen.",
    });

    private static async Task<HumanTask> DecisionTaskAsync(BusHarness bus) =>
        Assert.Single(await bus.AllTasksAsync(), t => t.ActivityId == "recordDecision" && t.Status == HumanTaskStatus.Open);

    [Theory]
    // SN meets on 9 February 2027, so its notice goes out on 4 February; the following meeting is on 9 March.
    [InlineData(4, "2027-02-09", "2027-02-04")]
    [InlineData(5, "2027-03-09", "2027-03-04")]
    public async Task A_proposal_made_after_the_boards_notice_day_goes_to_the_following_meeting(int februaryDay, string meeting, string noticeBy)
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, februaryDay, 10, 0));

        await StartDecisionAsync(bus, "sn");

        var task = await DecisionTaskAsync(bus);
        Assert.Equal(meeting, task.DueDate?.ToString("yyyy-MM-dd", null));
        Assert.Equal(noticeBy, (string?)JsonNode.Parse(task.DataJson!)!["noticeBy"]);
    }

    [Theory]
    // BUN meets on 20 May 2026; four working days before, with Ascension Day (14 May) not counted, is 13 May.
    [InlineData(13, "2026-05-20")]
    [InlineData(15, "2026-06-17")]
    public async Task A_notice_in_working_days_skips_the_holiday_between_the_notice_and_the_meeting(int mayDay, string meeting)
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 5, mayDay, 10, 0));

        await StartDecisionAsync(bus, "bun");

        Assert.Equal(meeting, (await DecisionTaskAsync(bus)).DueDate?.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public async Task A_cancelled_meeting_sends_its_waiting_decision_past_a_new_meeting_whose_notice_day_has_gone()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));
        await StartDecisionAsync(bus, "sn");
        Assert.Equal(new LocalDate(2027, 2, 9), (await DecisionTaskAsync(bus)).DueDate);
        await bus.RunUntilAsync(new LocalDateTime(2027, 2, 6, 9, 0));
        var editor = bus.Services.GetRequiredService<MeetingPlanEditor>();
        var cancelled = Assert.Single(await bus.ReadAsync((_, r) => r.ListMeetingsAsync("sn", new LocalDate(2027, 2, 9), new LocalDate(2027, 2, 9), default)));

        // The meeting put in on 10 February needed its notice out by 5 February, the day before today.
        await editor.AddAsync("sn", new LocalDate(2027, 2, 10), new LocalTime(13, 0), "Stadshuset", Changer, default);
        var removal = await editor.RemoveAsync("sn", cancelled.Id, Changer, default);

        Assert.Equal(new LocalDate(2027, 3, 9), Assert.Single(removal.Deadlines).To);
        var task = await DecisionTaskAsync(bus);
        Assert.Equal(new LocalDate(2027, 3, 9), task.DueDate);
        Assert.Equal("2027-03-04", (string?)JsonNode.Parse(task.DataJson!)!["noticeBy"]);
    }
}
