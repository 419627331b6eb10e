using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class DecisionDateCheckTests : IAsyncLifetime
{
    private const string Subject = "Gemensam satsning på fritidsgårdar";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_decision_dated_in_the_future_is_refused_with_a_clear_message_and_the_task_stays_open()
    {
        var (task, meeting) = await SocialBoardDecisionAsync();
        await AtAsync(meeting, 16);
        var tomorrow = meeting.PlusDays(1);

        var refused = await AnswerAsync(task, tomorrow);

        Assert.Equal(TaskCompletionStatus.InvalidAnswer, refused.Status);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("data.decisionDate", problem.Field);
        Assert.Equal($"Beslutsdatumet {Iso(tomorrow)} ligger i framtiden.", problem.MessageSv);
        Assert.Equal($"The date of decision {Iso(tomorrow)} is in the future.", problem.Message);
        Assert.Equal(HumanTaskStatus.Open, (await DecisionTaskAsync()).Status);
        Assert.Empty(await DecisionsAsync());
    }

    [Fact]
    public async Task A_decision_dated_before_the_meeting_it_was_taken_at_is_refused()
    {
        var (task, meeting) = await SocialBoardDecisionAsync();
        await AtAsync(meeting, 16);
        var dayBefore = meeting.PlusDays(-1);

        var refused = await AnswerAsync(task, dayBefore);

        Assert.Equal(TaskCompletionStatus.InvalidAnswer, refused.Status);
        Assert.Equal(
            $"Beslutsdatumet {Iso(dayBefore)} är före sammanträdet {Iso(meeting)} som beslutet fattades på.",
            Assert.Single(refused.Problems).MessageSv);
        Assert.Equal(HumanTaskStatus.Open, (await DecisionTaskAsync()).Status);
        Assert.Empty(await DecisionsAsync());
    }

    [Fact]
    public async Task A_decision_answered_before_its_meeting_is_held_is_refused_as_dated_in_the_future()
    {
        var (task, meeting) = await SocialBoardDecisionAsync();

        var refused = await AnswerAsync(task, meeting);

        Assert.Equal(TaskCompletionStatus.InvalidAnswer, refused.Status);
        Assert.Equal($"Beslutsdatumet {Iso(meeting)} ligger i framtiden.", Assert.Single(refused.Problems).MessageSv);
        Assert.Empty(await DecisionsAsync());
    }

    [Fact]
    public async Task A_decision_dated_on_its_meeting_day_once_held_is_recorded_after_a_refused_attempt()
    {
        var (task, meeting) = await SocialBoardDecisionAsync();
        await AtAsync(meeting, 16);
        Assert.Equal(TaskCompletionStatus.InvalidAnswer, (await AnswerAsync(task, meeting.PlusDays(1))).Status);

        var recorded = await AnswerAsync(task, meeting);

        Assert.Equal(TaskCompletionStatus.Completed, recorded.Status);
        var decision = Assert.Single(await DecisionsAsync());
        Assert.Equal((DecisionOutcome.Approve, meeting, (LocalDate?)meeting, "§ 14"), (decision.Outcome, decision.DecisionDate, decision.MeetingDate, decision.Paragraph));
    }

    private async Task<(HumanTask Task, LocalDate Meeting)> SocialBoardDecisionAsync()
    {
        await _bus.StartAsync("board-decision", new JsonObject
        {
            ["board"] = "sn",
            ["subject"] = Subject,
            ["agreement"] = "bus-2023-2026",
            ["registrationNumber"] = "2027.014 SN",
        });
        var task = await DecisionTaskAsync();
        return (task, task.DueDate!.Value);
    }

    private async Task<HumanTask> DecisionTaskAsync() => Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "recordDecision");

    private async Task<IReadOnlyList<PartyDecision>> DecisionsAsync() =>
        (await _bus.DecisionsAsync("bus-2023-2026")).Where(d => d.Subject == Subject).ToList();

    private Task<TaskCompletion> AnswerAsync(HumanTask task, LocalDate decisionDate) =>
        _bus.Runtime.CompleteTaskAsync(task.Id, new TaskAnswer("approve", null, task.Assignee, new JsonObject
        {
            ["decisionDate"] = Iso(decisionDate),
            ["paragraph"] = "§ 14",
        }));

    private Task AtAsync(LocalDate day, int hour) =>
        _bus.RunUntilAsync(day.At(new LocalTime(hour, 0)));

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
