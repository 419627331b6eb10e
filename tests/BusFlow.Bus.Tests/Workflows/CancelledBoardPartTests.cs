using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class CancelledBoardPartTests : IAsyncLifetime
{
    private const string Subject = "Gemensam satsning på fritidsgårdar";
    private const string Reason = "Barn- och utbildningsnämnden har lämnat samverkan";
    private const string Administrator = "admin@exempelby.test";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_cancelled_board_part_is_journaled_its_coordinator_is_told_and_the_round_completes_with_the_other_boards()
    {
        var round = await StartRoundAsync();
        var bunPart = Assert.Single(await _bus.InstancesAsync("board-decision"), i => i.InputJson!.Contains("\"bun\"", StringComparison.Ordinal));

        await _bus.Runtime.CancelAsync(bunPart.Id, Administrator, Reason);

        Assert.Equal(InstanceStatus.Waiting, (await _bus.InstanceAsync(round.Id)).Status);
        var coordinator = await _bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Secretary, "sn", new LocalDate(2027, 2, 1), default));
        var bun = await _bus.ReadAsync((_, r) => r.FindBoardAsync("bun", default));
        var told = Assert.Single(await _bus.OutboxAsync(), m => m.To == coordinator!.Email && m.Subject.StartsWith(bun!.Name, StringComparison.Ordinal));
        Assert.Contains(Subject, told.Subject, StringComparison.Ordinal);
        Assert.Contains($"Skäl: {Reason}", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"avbrutits av {Administrator}", told.TextBody, StringComparison.Ordinal);
        var journaled = Assert.Single(await _bus.JournalAsync(round.Id), j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == "decide" && j.DataJson!.Contains("Cancelled", StringComparison.Ordinal));
        Assert.Contains(Reason, journaled.DataJson!, StringComparison.Ordinal);

        await _bus.RunUntilAsync(new LocalDateTime(2027, 7, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(round.Id)).Status);
        var result = (await _bus.VariablesAsync(round.Id))["result"]!;
        Assert.Equal(["kun", "sn"], result["approvedBy"]!.AsArray().Select(b => (string?)b).Order());
        Assert.Equal(["bun"], result["undecided"]!.AsArray().Select(b => (string?)b));
        Assert.Equal("cancelled", (string?)(await _bus.VariablesAsync(round.Id))["outcomes"]!["bun"]);
        Assert.Equal(["kun", "sn"], (await _bus.DecisionsAsync("bus-2023-2026")).Where(d => d.Subject == Subject).Select(d => d.BoardId).Order());
    }

    [Fact]
    public async Task Stopping_the_agreements_cycles_stops_the_round_with_its_boards_and_tells_no_coordinator_that_a_board_dropped_out()
    {
        var round = await StartRoundAsync();
        var control = _bus.Services.GetRequiredService<AgreementCycleControl>();

        var (outcome, stopped) = await control.StopAsync("bus-2023-2026", Administrator, "Överenskommelsen upphör", default);

        Assert.Equal(CycleCommandOutcome.Stopped, outcome);
        Assert.True(stopped >= 1, $"stopped {stopped}");
        Assert.Equal(InstanceStatus.Cancelled, (await _bus.InstanceAsync(round.Id)).Status);
        Assert.All(await _bus.InstancesAsync("board-decision"), part => Assert.Equal(InstanceStatus.Cancelled, part.Status));
        Assert.DoesNotContain(await _bus.OutboxAsync(), m => m.Subject.Contains("deltar inte längre", StringComparison.Ordinal));
    }

    private Task<WorkflowInstance> StartRoundAsync() => _bus.StartAsync("decision-round", new JsonObject
    {
        ["subject"] = Subject,
        ["boards"] = new JsonArray("sn", "bun", "kun"),
        ["registrationNumber"] = "2027.014 SN",
        ["proposedDecision"] = "Nämnden ställer sig bakom satsningen.",
        ["deadline"] = "2027-06-30",
        ["agreement"] = "bus-2023-2026",
    });
}
