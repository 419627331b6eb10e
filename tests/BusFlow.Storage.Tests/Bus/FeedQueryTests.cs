using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

/// <summary>The queries a calendar feed reads with: a person by address, their roles, and the tasks of a board's roles.</summary>
public sealed class FeedQueryTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_person_is_found_by_address_without_case_with_every_role_they_have_had_or_will_have(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Person("anna"));
            r.Add(BusSample.Person("bo"));
            r.Add(BusSample.Role("anna", RoleKind.Chair, "sn", null, new LocalDate(2027, 1, 1), null));
            r.Add(BusSample.Role("anna", RoleKind.Member, null, "styrgrupp", new LocalDate(2023, 1, 1), new LocalDate(2026, 12, 31)));
            r.Add(BusSample.Role("bo", RoleKind.Chair, "bun", null, new LocalDate(2023, 1, 1), null));
        });

        Assert.Equal("anna", (await fixture.ReadBusAsync(r => r.FindPersonByEmailAsync(" Anna@Example.org ", default)))?.Id);
        Assert.Null(await fixture.ReadBusAsync(r => r.FindPersonByEmailAsync("anna@example.se", default)));
        var roles = await fixture.ReadBusAsync(r => r.ListAssignmentsOfAsync("anna", default));
        Assert.Equal([("styrgrupp", RoleKind.Member), ("sn", RoleKind.Chair)], roles.Select(a => (a.BoardId ?? a.BodyId, a.Role)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tasks_are_listed_by_the_scope_of_their_role(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var secretary = WithRole(Sample.Task(instance, "maria"), "sn/Secretary");
        var chair = WithRole(Sample.Task(instance, "anna", createdAt: Sample.T0 + Duration.FromHours(1)), "sn/Chair");
        var otherBoard = WithRole(Sample.Task(instance, "johan"), "bun/Secretary");
        var lookalike = WithRole(Sample.Task(instance, "sven"), "sne/Secretary");
        var noRole = Sample.Task(instance, "anna");
        await fixture.WriteAsync(s =>
        {
            foreach (var task in new[] { secretary, chair, otherBoard, lookalike, noRole })
            {
                s.Add(task);
            }
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal([secretary.Id, chair.Id], (await session.ListTasksAsync(new TaskQuery(RoleScope: "sn"), default)).Select(t => t.Id));
        Assert.Equal([chair.Id], (await session.ListTasksAsync(new TaskQuery("anna", RoleScope: "sn"), default)).Select(t => t.Id));
        Assert.Empty(await session.ListTasksAsync(new TaskQuery(RoleScope: "s%"), default));
    }

    private static HumanTask WithRole(HumanTask task, string role)
    {
        task.Role = role;
        return task;
    }
}
