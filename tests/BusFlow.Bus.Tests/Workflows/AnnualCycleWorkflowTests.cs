using System.Text.Json.Nodes;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class AnnualCycleWorkflowTests : IAsyncLifetime
{
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 10, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task The_annual_wheel_skips_past_years_and_starts_this_years_spring_and_autumn_on_their_working_days()
    {
        var wheel = await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = "bus-2023-2026" });
        Assert.Empty(await _bus.InstancesAsync("spring-review"));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 12, 31, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var spring = Assert.Single(await _bus.InstancesAsync("spring-review"));
        var autumn = Assert.Single(await _bus.InstancesAsync("autumn-planning"));
        // 1 February 2026 is a Sunday: spring starts on Monday the 2nd; 17 August 2026 is a Monday.
        Assert.Equal(new LocalDateTime(2026, 2, 2, 8, 0), BusHarness.Local(spring.CreatedAt));
        Assert.Equal(new LocalDateTime(2026, 8, 17, 8, 0), BusHarness.Local(autumn.CreatedAt));
        Assert.Equal("2026", JsonNode.Parse(spring.InputJson)!["year"]!.ToJsonString());
        Assert.Equal(InstanceStatus.Completed, spring.Status);
        Assert.Equal(InstanceStatus.Completed, autumn.Status);
        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(wheel.Id)).Status);
    }

    [Fact]
    public async Task Starting_the_wheel_twice_for_one_year_starts_its_reviews_once()
    {
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = "bus-2023-2026" }, "wheel-1");
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = "bus-2023-2026" }, "wheel-2");

        await _bus.RunUntilAsync(new LocalDateTime(2026, 3, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Single(await _bus.InstancesAsync("spring-review"));
    }
}
