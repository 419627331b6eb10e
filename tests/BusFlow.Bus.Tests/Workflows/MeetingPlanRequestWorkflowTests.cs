using System.Text.Json.Nodes;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// Meeting plans are asked for: each autumn the secretary of a party board without next year's plan
/// is asked to enter it, and a board's decision that finds no meeting in the plan waits for one
/// instead of faulting. The demo's plans run to the end of 2031.
/// </summary>
public sealed class MeetingPlanRequestWorkflowTests
{
    private const string SnSecretary = "maria.holmgren@exempelby.test";
    private const string KunSecretary = "elin.norrby@exempelby.test";

    private static Task<WorkflowInstance> StartDecisionAsync(BusHarness bus, string subject) => bus.StartAsync("board-decision", new JsonObject
    {
        ["board"] = "sn",
        ["subject"] = subject,
        ["registrationNumber"] = "2031.090 SN",
        ["proposedDecision"] = "Nämnden ställer sig bakom förslaget.",
    });

    private static async Task<IReadOnlyList<HumanTask>> PlanTasksAsync(BusHarness bus) =>
        [.. (await bus.AllTasksAsync()).Where(t => t.ActivityId == "enterPlan")];

    private static async Task RemovePlanAsync(BusHarness bus, string board, int year)
    {
        await using var session = await bus.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        foreach (var meeting in await records.ListMeetingsAsync(board, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), default))
        {
            records.Remove(meeting);
        }

        await session.CommitAsync(default);
    }

    [Fact]
    public async Task On_1_September_the_secretary_of_a_party_board_without_next_years_plan_is_asked_to_enter_it()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 8, 25, 9, 0));
        await RemovePlanAsync(bus, "kun", 2027);
        await bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = "bus-2023-2026" });

        await bus.RunUntilAsync(new LocalDateTime(2026, 9, 1, 7, 59));
        Assert.Empty(await PlanTasksAsync(bus));
        await bus.RunUntilAsync(new LocalDateTime(2026, 9, 1, 9, 0));

        // SN and BUN have their 2027 plans: only KUN's secretary is asked, on the board's page.
        var task = Assert.Single(await PlanTasksAsync(bus));
        Assert.Equal(KunSecretary, task.Assignee);
        Assert.Equal("Lägg in sammanträdesplanen 2027 för KUN", task.Title);
        Assert.Contains("/namnder/kun", task.Description, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2026, 11, 30), task.DueDate);
        Assert.Equal(new LocalDateTime(2026, 9, 1, 8, 0), BusHarness.Local(task.CreatedAt));
    }

    [Fact]
    public async Task A_decision_that_finds_no_meeting_asks_for_the_plan_waits_and_goes_to_the_first_meeting_entered()
    {
        // SN's last meeting of 2031 is on 9 December, its notice out on 4 December; no 2032 plan.
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2031, 12, 5, 10, 0));

        var decision = await StartDecisionAsync(bus, "Gemensam satsning på fritidsgårdar");
        await StartDecisionAsync(bus, "Samordnad skolskjuts");

        Assert.Equal(InstanceStatus.Waiting, (await bus.InstanceAsync(decision.Id)).Status);
        Assert.DoesNotContain(await bus.AllTasksAsync(), t => t.ActivityId == "recordDecision");
        var request = Assert.Single(await bus.InstancesAsync("meeting-plan-request"));
        var asked = Assert.Single(await PlanTasksAsync(bus));
        Assert.Equal((SnSecretary, "Lägg in sammanträdesplanen 2032 för SN"), (asked.Assignee, asked.Title));
        Assert.Contains("väntar på ett sammanträde i SN", asked.Description, StringComparison.Ordinal);

        await bus.RunUntilAsync(new LocalDateTime(2031, 12, 8, 9, 0));
        var editor = bus.Services.GetRequiredService<MeetingPlanEditor>();
        await editor.AddAsync("sn", new LocalDate(2032, 1, 20), new LocalTime(13, 0), "Stadshuset", SnSecretary, default);
        await editor.AddAsync("sn", new LocalDate(2032, 2, 17), new LocalTime(13, 0), "Stadshuset", SnSecretary, default);
        await bus.RunUntilAsync(new LocalDateTime(2031, 12, 9, 9, 0));

        // Looked for on Tuesday 9 December at 08:00: both decisions go to the first meeting, the request ends by itself.
        var recordTasks = (await bus.AllTasksAsync()).Where(t => t.ActivityId == "recordDecision").ToList();
        Assert.Equal(2, recordTasks.Count);
        Assert.All(recordTasks, t => Assert.Equal(new LocalDate(2032, 1, 20), t.DueDate));
        Assert.Equal(InstanceStatus.Completed, (await bus.InstanceAsync(request.Id)).Status);
        Assert.NotEqual(HumanTaskStatus.Open, Assert.Single(await PlanTasksAsync(bus)).Status);
    }

    [Fact]
    public async Task Answering_done_without_entering_the_plan_brings_the_task_back_saying_the_plan_is_still_missing()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2031, 9, 1, 8, 0));
        var request = await bus.StartAsync("meeting-plan-request", new JsonObject { ["board"] = "sn", ["year"] = 2032, ["due"] = "2031-11-28" });
        var first = Assert.Single(await PlanTasksAsync(bus));

        await bus.Runtime.CompleteTaskAsync(first.Id, new TaskAnswer("done", null, SnSecretary));

        var again = Assert.Single(await PlanTasksAsync(bus), t => t.Status == HumanTaskStatus.Open);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Contains("fortfarande inget sammanträde 2032", again.Description, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Waiting, (await bus.InstanceAsync(request.Id)).Status);
    }

    [Fact]
    public async Task A_request_for_a_plan_already_entered_ends_at_once_without_a_task()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2030, 9, 2, 8, 0));

        var request = await bus.StartAsync("meeting-plan-request", new JsonObject { ["board"] = "sn", ["year"] = 2031, ["due"] = "2030-11-29" });

        Assert.Equal(InstanceStatus.Completed, (await bus.InstanceAsync(request.Id)).Status);
        Assert.Empty(await PlanTasksAsync(bus));
    }

    [Theory]
    [InlineData("\"whenNone\": \"report\",", "Waiting")]
    [InlineData("", "Faulted")]
    public async Task NextMeeting_past_the_plan_reports_the_year_whose_plan_is_missing_or_by_default_faults(string whenNone, string status)
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2031, 12, 15, 10, 0));
        await bus.PublishAsync($$"""
            {
              "id": "look-for-meeting", "version": 1, "name": "Look for a meeting",
              "variables": [{ "name": "meeting", "type": "object" }],
              "root": { "type": "Sequence", "id": "main", "activities": [
                { "type": "NextMeeting", "id": "next", {{whenNone}} "board": "sn" },
                { "type": "SetVariable", "id": "keep", "variable": "meeting", "value": { "ref": "output.next" } },
                { "type": "WaitForSignal", "id": "hold", "signal": "go" }
              ] }
            }
            """, "look-for-meeting.json");

        var instance = await bus.InstanceAsync((await bus.StartAsync("look-for-meeting", [])).Id);

        Assert.Equal(status, instance.Status.ToString());
        if (instance.Status == InstanceStatus.Faulted)
        {
            Assert.Equal("the meeting plan of SN has no meeting with its notice day from 2031-12-15 to 2033-12-15", instance.FaultMessage);
            return;
        }

        var meeting = (await bus.VariablesAsync(instance.Id))["meeting"]!;
        Assert.Equal((false, 2032, "2031-12-15"), ((bool)meeting["found"]!, (int)meeting["planYear"]!, (string?)meeting["searchedFrom"]));
    }

    [Fact]
    public async Task A_plan_emptied_after_its_request_ended_is_asked_for_again_when_a_decision_needs_it()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2031, 12, 5, 10, 0));
        var first = await bus.StartAsync("meeting-plan-request", new JsonObject { ["board"] = "sn", ["year"] = 2032, ["due"] = "2031-12-19" }, "meeting-plan-sn-2032");
        var editor = bus.Services.GetRequiredService<MeetingPlanEditor>();
        var added = await editor.AddAsync("sn", new LocalDate(2032, 1, 20), new LocalTime(13, 0), "Stadshuset", SnSecretary, default);
        await bus.RunUntilAsync(new LocalDateTime(2031, 12, 8, 9, 0));
        Assert.Equal(InstanceStatus.Completed, (await bus.InstanceAsync(first.Id)).Status);
        await editor.RemoveAsync("sn", added.Meeting!.Id, SnSecretary, default);

        await StartDecisionAsync(bus, "Gemensam satsning på fritidsgårdar");

        Assert.Equal(2, (await bus.InstancesAsync("meeting-plan-request")).Count);
        var asked = Assert.Single(await PlanTasksAsync(bus), t => t.Status == HumanTaskStatus.Open);
        Assert.Equal((SnSecretary, "Lägg in sammanträdesplanen 2032 för SN"), (asked.Assignee, asked.Title));
    }
}
