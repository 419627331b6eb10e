using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>A decision round's deadline on a Saturday, Sunday or holiday runs to the next working day (lag 1930:173).</summary>
public sealed class RoundDeadlineWorkflowTests
{
    [Fact]
    public async Task A_round_deadline_on_Saturday_30_November_2030_runs_to_the_end_of_Monday_2_December()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2030, 11, 14, 9, 0));
        var round = await bus.StartAsync("decision-round", new JsonObject
        {
            ["subject"] = "Samverkansöverenskommelse BUS 2031–2034",
            ["boards"] = new JsonArray("sn"),
            ["deadline"] = "2030-11-30",
        });

        Assert.Equal("2030-12-02", (string?)(await bus.VariablesAsync(round.Id))["deadline"]);
        await bus.RunUntilAsync(new LocalDateTime(2030, 12, 2, 23, 59));
        Assert.NotEqual(InstanceStatus.Completed, (await bus.InstanceAsync(round.Id)).Status);

        await bus.RunUntilAsync(new LocalDateTime(2030, 12, 3, 0, 1));
        Assert.Equal(InstanceStatus.Completed, (await bus.InstanceAsync(round.Id)).Status);
    }
}
