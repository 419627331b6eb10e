using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests;

/// <summary>The queries behind the instances page and the upcoming timers, in the database on both providers.</summary>
public sealed class InstancePageQueryTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instances_are_paged_newest_first_counted_and_found_by_mention_and_by_text_ignoring_case(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var cycle = Sample.Definition("bus-annual-cycle");
        var decision = Sample.Definition("board-decision");
        var annual = Sample.Instance(cycle, "annual-cycle-bus-2027", Sample.T0);
        var social = Sample.Instance(decision, "decision-sn", Sample.T0 + Duration.FromMinutes(1));
        social.InputJson = """{"agreement":"bus-2023","board":"sn"}""";
        var youth = Sample.Instance(decision, "decision-bun", Sample.T0 + Duration.FromMinutes(2));
        youth.InputJson = """{"agreement":"bus-2023","board":"bun"}""";
        var otherAgreement = Sample.Instance(decision, "decision-sn-2", Sample.T0 + Duration.FromMinutes(3));
        otherAgreement.InputJson = """{"agreement":"bus-2031","board":"sn"}""";
        await fixture.WriteAsync(s =>
        {
            s.Add(cycle);
            s.Add(decision);
            s.Add(annual);
            s.Add(social);
            s.Add(youth);
            s.Add(otherAgreement);
        });

        await using var session = await fixture.Store.BeginAsync();
        Task<IReadOnlyList<WorkflowInstance>> List(InstanceQuery query) => session.ListInstancesAsync(query, default);

        Assert.Equal([otherAgreement.Id, youth.Id], (await List(new InstanceQuery(Take: 2, NewestFirst: true))).Select(i => i.Id));
        Assert.Equal([social.Id, annual.Id], (await List(new InstanceQuery(Take: 2, Skip: 2, NewestFirst: true))).Select(i => i.Id));
        Assert.Equal(4, await session.CountInstancesAsync(new InstanceQuery(Take: 1, Skip: 3), default));
        Assert.Equal([social.Id, youth.Id], (await List(new InstanceQuery(Mentions: ["bus-2023"]))).Select(i => i.Id));
        Assert.Equal([annual.Id], (await List(new InstanceQuery(Mentions: ["bus-2027"]))).Select(i => i.Id));
        Assert.Equal([social.Id], (await List(new InstanceQuery(Mentions: ["bus-2023", "sn"]))).Select(i => i.Id));
        Assert.Equal(2, await session.CountInstancesAsync(new InstanceQuery(Mentions: ["sn"]), default));
        Assert.Equal([youth.Id], (await List(new InstanceQuery(Text: "Decision-BUN"))).Select(i => i.Id));
        Assert.Equal([annual.Id], (await List(new InstanceQuery(Text: "ANNUAL"))).Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_instances_timers_are_listed_in_every_state_and_pending_ones_due_by_a_time_are_counted(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var other = await fixture.SeedInstanceAsync();
        var late = Sample.Timer(instance, Sample.T0 - Duration.FromHours(1));
        var fired = Sample.Timer(instance, Sample.T0 - Duration.FromHours(2), TimerStatus.Fired);
        var coming = Sample.Timer(instance, Sample.T0 + Duration.FromDays(3));
        var otherLate = Sample.Timer(other, Sample.T0 - Duration.FromMinutes(10));
        await fixture.WriteAsync(s =>
        {
            s.Add(late);
            s.Add(fired);
            s.Add(coming);
            s.Add(otherLate);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal([fired.Id, late.Id, coming.Id], (await session.ListTimersAsync(instance.Id, default)).Select(t => t.Id));
        Assert.Equal(2, await session.CountDueTimersAsync(Sample.T0, default));
        Assert.Equal(1, await session.CountDueTimersAsync(Sample.T0 - Duration.FromMinutes(30), default));
    }
}
