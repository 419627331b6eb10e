using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class RoleHandOverTests
{
    [Fact]
    public async Task An_agreement_the_outgoing_chair_never_signed_goes_to_the_new_chair_on_1_January_who_signs_it_into_force()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));
        await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = "bus-2023-2026" }, "renewal-bus-2023-2026");
        var outgoing = await bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(2026, 6, 1), default));
        var incoming = await bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(2027, 1, 1), default));
        var handOver = bus.Services.GetRequiredService<RoleTaskHandOver>();
        var people = new BoardResponder(bus.Calendar, BusHarness.Stockholm) { Silent = outgoing!.Email };

        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 31, 12, 0), people);
        Assert.Equal(0, await handOver.HandOverAsync(default));
        await bus.RunUntilAsync(new LocalDateTime(2027, 1, 1, 0, 15), people);
        var handedOver = await handOver.HandOverAsync(default);
        var again = await handOver.HandOverAsync(default);

        Assert.Equal((1, 0), (handedOver, again));
        var sign = Assert.Single(await bus.AllTasksAsync(), t => t.ActivityId == "sign" && t.Status == HumanTaskStatus.Open);
        Assert.Equal(incoming!.Email, sign.Assignee);
        Assert.Contains(await bus.OutboxAsync(), m => m.To == incoming.Email && m.Subject.Contains("Underteckna", StringComparison.Ordinal));

        await bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 0, 0), people);

        Assert.Equal(AgreementStatus.Active, (await bus.AgreementAsync("bus-2027-2030"))!.Status);
        var signatures = await bus.ReadAsync((_, r) => r.ListSignaturesAsync("bus-2027-2030", default));
        Assert.Equal(incoming.Id, signatures.Single(s => s.BoardId == "sn").PersonId);
    }
}
