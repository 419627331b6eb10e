using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class DecisionRoundWorkflowTests : IAsyncLifetime
{
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private Task<WorkflowInstance> StartRoundAsync() => _bus.StartAsync("decision-round", new JsonObject
    {
        ["subject"] = "Gemensam satsning på fritidsgårdar",
        ["boards"] = new JsonArray("sn", "bun", "kun"),
        ["registrationNumber"] = "2027.014 SN",
        ["proposedDecision"] = "Nämnden ställer sig bakom satsningen.",
        ["deadline"] = "2027-06-30",
        ["agreement"] = "bus-2023-2026",
    });

    [Fact]
    public async Task Each_board_decides_at_its_next_meeting_and_the_result_says_which_approved()
    {
        var round = await StartRoundAsync();
        var tasks = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "recordDecision").ToList();
        Assert.Equal(3, tasks.Count);
        foreach (var task in tasks)
        {
            var board = JsonNode.Parse(task.DataJson!)!["board"]!.GetValue<string>();
            var meetings = await _bus.ReadAsync((_, r) => r.ListMeetingsAsync(board, new LocalDate(2027, 2, 1), new LocalDate(2027, 12, 31), default));
            Assert.Equal(meetings[0].Date, task.DueDate);
        }

        await _bus.RunUntilAsync(new LocalDateTime(2027, 7, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, _) => board == "bun" ? "reject" : "approve",
        });

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(round.Id)).Status);
        var result = (await _bus.VariablesAsync(round.Id))["result"]!;
        Assert.Equal(["kun", "sn"], result["approvedBy"]!.AsArray().Select(b => (string?)b).Order());
        Assert.Equal(["bun"], result["rejectedBy"]!.AsArray().Select(b => (string?)b));
        Assert.False((bool)result["allApproved"]!);
    }

    [Fact]
    public async Task A_board_that_refers_back_decides_again_at_its_following_meeting()
    {
        var round = await StartRoundAsync();

        await _bus.RunUntilAsync(new LocalDateTime(2027, 7, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, meeting) => board == "sn" && meeting == 1 ? "referBack" : "approve",
        });

        var sn = (await _bus.DecisionsAsync("bus-2023-2026"))
            .Where(d => d.BoardId == "sn" && d.Subject == "Gemensam satsning på fritidsgårdar")
            .OrderBy(d => d.DecisionDate)
            .ToList();
        var meetings = await _bus.ReadAsync((_, r) => r.ListMeetingsAsync("sn", new LocalDate(2027, 2, 1), new LocalDate(2027, 12, 31), default));
        Assert.Equal([DecisionOutcome.ReferBack, DecisionOutcome.Approve], sn.Select(d => d.Outcome));
        Assert.Equal([meetings[0].Date, meetings[1].Date], sn.Select(d => d.DecisionDate));
        Assert.Equal([meetings[0].Date, meetings[1].Date], sn.Select(d => d.MeetingDate));
        Assert.Equal(["§ 11", "§ 12"], sn.Select(d => d.Paragraph));
        Assert.Equal("2027.014 SN", sn[0].RegistrationNumber);
        Assert.True((bool)(await _bus.VariablesAsync(round.Id))["result"]!["allApproved"]!);
    }
}
