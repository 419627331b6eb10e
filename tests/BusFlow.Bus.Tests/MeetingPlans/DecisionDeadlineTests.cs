using System.Text;
using System.Text.Json.Nodes;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Bus.Tests.Workflows;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.MeetingPlans;

/// <summary>A board's meeting moves or is cancelled while its decision waits: the deadline, the reminders and the secretary follow.</summary>
public sealed class DecisionDeadlineTests : IAsyncLifetime
{
    /// <summary>Who changes the meeting plan (the collaboration's coordinator); the board's own secretary records the decision.</summary>
    private const string Changer = "lena.vikstrom@exempelby.test";
    private const string Subject = "Gemensam satsning på fritidsgårdar";

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private MeetingPlanImport Plans => _bus.Services.GetRequiredService<MeetingPlanImport>();

    private MeetingPlanEditor Editor => _bus.Services.GetRequiredService<MeetingPlanEditor>();

    [Fact]
    public async Task A_moved_board_meeting_moves_the_waiting_decision_its_reminders_and_tells_the_secretary()
    {
        var decision = await StartDecisionAsync();
        var meetings = await SocialBoardMeetingsAsync();
        var (first, second) = (meetings[0].Date, meetings[1].Date);
        var task = await DecisionTaskAsync();
        Assert.Equal(first, task.DueDate);
        var moved = first.PlusDays(2);

        var result = await Plans.ImportAsync("sn", 2027, PlanWith(meetings, first, moved), Changer, default);

        var deadline = Assert.Single(result.Changes!.Deadlines);
        Assert.Equal((task.Id, first, (LocalDate?)moved), (deadline.TaskId, deadline.From, deadline.To));
        task = await DecisionTaskAsync();
        Assert.Equal(moved, task.DueDate);
        var data = JsonNode.Parse(task.DataJson!)!;
        Assert.Equal(Iso(moved), (string?)data["meetingDate"]);
        Assert.Equal(Iso(first), (string?)data["meetingMovedFrom"]);
        Assert.Contains($"Sammanträde {Iso(moved)}", task.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Iso(first), task.Description, StringComparison.Ordinal);

        // The reminders now count from the new meeting: the one on the day is on the new day, and the old ones are gone.
        var reminders = await _bus.ReadAsync((s, _) => s.ListPendingRemindersAsync(task.Id, default));
        var onDue = Assert.Single(reminders, r => r.ReminderKind == ReminderKind.OnDue);
        Assert.Equal(moved, BusHarness.Local(onDue.DueAt).Date);
        Assert.All(reminders, r => Assert.True(r.CreatedAt == _bus.Clock.GetCurrentInstant() && r.DueAt > _bus.Clock.GetCurrentInstant()));

        var journal = await _bus.JournalAsync(decision.Id);
        var entry = Assert.Single(journal, j => j.Kind == JournalKind.TaskMoved);
        Assert.Equal(Changer, entry.Actor);
        Assert.Equal(Iso(first), (string?)JsonNode.Parse(entry.DataJson!)!["previousDueDate"]);

        var mail = Assert.Single(await _bus.OutboxAsync(), m => m.Subject.StartsWith("Nytt datum", StringComparison.Ordinal));
        Assert.Equal(task.Assignee, mail.To);
        Assert.Contains($"SNs sammanträde {Swedish(first)} finns inte längre i sammanträdesplanen", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Ny sista dag att svara: {Swedish(moved)}", mail.TextBody, StringComparison.Ordinal);

        // Answered at the moved meeting, the decision is recorded as taken there, not on the old day.
        _bus.Clock.AdvanceTo(moved.At(new LocalTime(16, 0)).InZoneStrictly(BusHarness.Stockholm).ToInstant());
        var answer = new JsonObject { ["decisionDate"] = Iso(moved), ["paragraph"] = "§ 14" };
        Assert.Equal(TaskCompletionStatus.Completed, (await _bus.Runtime.CompleteTaskAsync(task.Id, new TaskAnswer("approve", null, task.Assignee, answer))).Status);
        var recorded = Assert.Single(await _bus.ReadAsync((_, r) => r.ListDecisionsAsync("bus-2023-2026", default)), d => d.Subject == Subject);
        Assert.Equal((moved, (LocalDate?)moved), (recorded.DecisionDate, recorded.MeetingDate));
        Assert.NotEqual(second, recorded.MeetingDate);
    }

    [Fact]
    public async Task A_cancelled_meeting_sends_the_decision_to_the_boards_next_meeting()
    {
        await StartDecisionAsync();
        var meetings = await SocialBoardMeetingsAsync();

        var removal = await Editor.RemoveAsync("sn", meetings[0].Id, Changer, default);

        Assert.Equal(MeetingEditOutcome.Done, removal.Outcome);
        var deadline = Assert.Single(removal.Deadlines);
        Assert.Equal((meetings[0].Date, (LocalDate?)meetings[1].Date), (deadline.From, deadline.To));
        Assert.Equal(meetings[1].Date, (await DecisionTaskAsync()).DueDate);
    }

    [Fact]
    public async Task A_decision_whose_meeting_stays_is_left_alone_when_the_plan_is_read_in_again()
    {
        var decision = await StartDecisionAsync();
        var meetings = await SocialBoardMeetingsAsync();
        var before = await DecisionTaskAsync();

        var result = await Plans.ImportAsync("sn", 2027, PlanWith(meetings, meetings[1].Date, meetings[1].Date.PlusDays(1)), Changer, default);

        Assert.Empty(result.Changes!.Deadlines);
        Assert.Equal(before.DueDate, (await DecisionTaskAsync()).DueDate);
        Assert.DoesNotContain(await _bus.JournalAsync(decision.Id), j => j.Kind == JournalKind.TaskMoved);
    }

    [Fact]
    public async Task A_decision_with_no_later_meeting_stays_where_it_was_says_so_and_moves_to_a_meeting_planned_afterwards()
    {
        await StartDecisionAsync();
        var first = (await SocialBoardMeetingsAsync())[0];
        var later = await _bus.ReadAsync((_, r) => r.ListMeetingsAsync("sn", first.Date.PlusDays(1), first.Date.PlusYears(3), default));
        foreach (var meeting in later.Reverse())
        {
            Assert.Empty((await Editor.RemoveAsync("sn", meeting.Id, Changer, default)).Deadlines);
        }

        var removal = await Editor.RemoveAsync("sn", first.Id, Changer, default);

        var deadline = Assert.Single(removal.Deadlines);
        Assert.Equal((first.Date, (LocalDate?)null, false), (deadline.From, deadline.To, deadline.Moved));
        Assert.Equal(first.Date, (await DecisionTaskAsync()).DueDate);

        // A meeting planned afterwards takes the decision that was left waiting.
        var planned = first.Date.PlusDays(21);
        var added = await Editor.AddAsync("sn", planned, new LocalTime(13, 0), "Stadshuset", Changer, default);

        Assert.Equal((first.Date, (LocalDate?)planned), (Assert.Single(added.Deadlines).From, added.Deadlines[0].To));
        Assert.Equal(planned, (await DecisionTaskAsync()).DueDate);
    }

    private Task<WorkflowInstance> StartDecisionAsync() => _bus.StartAsync("board-decision", new JsonObject
    {
        ["board"] = "sn",
        ["subject"] = Subject,
        ["registrationNumber"] = "2027.014 SN",
        ["proposedDecision"] = "Nämnden ställer sig bakom satsningen.",
        ["agreement"] = "bus-2023-2026",
    });

    private async Task<HumanTask> DecisionTaskAsync() =>
        Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "recordDecision" && t.Status == HumanTaskStatus.Open);

    /// <summary>The social board's meetings from today (1 February 2027) to the end of the year.</summary>
    private Task<IReadOnlyList<BoardMeeting>> SocialBoardMeetingsAsync() =>
        _bus.ReadAsync((_, r) => r.ListMeetingsAsync("sn", new LocalDate(2027, 2, 1), new LocalDate(2027, 12, 31), default));

    /// <summary>The board's plan for the year as its secretary would export it, with one meeting on another day.</summary>
    private static byte[] PlanWith(IEnumerable<BoardMeeting> meetings, LocalDate from, LocalDate to)
    {
        var lines = meetings.Select(m => $"{Iso(m.Date == from ? to : m.Date)};{m.StartsAt:HH:mm};{m.Place}");
        return Encoding.UTF8.GetBytes("Datum;Tid;Plats\r\n" + string.Join("\r\n", lines) + "\r\n");
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", null);

    private static string Swedish(LocalDate date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
}
