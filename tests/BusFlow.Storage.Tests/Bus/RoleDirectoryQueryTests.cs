using BusFlow.Bus.Model;
using BusFlow.Bus.Roles;
using BusFlow.Engine.Reminders;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class RoleDirectoryQueryTests
{
    private static readonly LocalDate MandateStart = new(2023, 1, 1);
    private static readonly LocalDate Day = new(2025, 3, 1);

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Asked_of_many_roles_at_once_the_directory_names_the_holders_it_names_one_role_at_a_time(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(records =>
        {
            records.Add(BusSample.Organization());
            records.Add(BusSample.Board("sn"));
            var bun = BusSample.Board("bun");
            bun.Name = "Barn- och utbildningsnämnden";
            records.Add(bun);
            records.Add(new CollaborationBody { Id = "styrgrupp", Name = "BUS styrgrupp", Kind = BodyKind.SteeringGroup });
            foreach (var id in new[] { "ordf-sn", "old-secretary", "new-secretary", "ordf-bun", "samordnare", "member" })
            {
                records.Add(BusSample.Person(id));
            }

            records.Add(BusSample.Role("ordf-sn", RoleKind.Chair, "sn", null, MandateStart, null));
            // The old secretary's end was never recorded; the one who started latest holds the seat.
            records.Add(BusSample.Role("old-secretary", RoleKind.Secretary, "sn", null, MandateStart, null));
            records.Add(BusSample.Role("new-secretary", RoleKind.Secretary, "sn", null, Day, null));
            records.Add(BusSample.Role("ordf-bun", RoleKind.Chair, "bun", null, MandateStart, new LocalDate(2024, 12, 31)));
            records.Add(BusSample.Role("samordnare", RoleKind.Secretary, null, "styrgrupp", MandateStart, null));
            records.Add(BusSample.Role("member", RoleKind.Member, null, "styrgrupp", MandateStart, null));
        });
        var directory = new BusRoleDirectory();
        string[] asked = ["sn/Chair", "sn/Secretary", "bun/Chair", "styrgrupp/Secretary", "styrgrupp/Member", "sn/ViceChair", "not-a-role-key"];

        var atOnce = await fixture.ReadAsync(session => directory.FindHoldersAsync(asked, Day, session, default));
        var oneByOne = new Dictionary<string, ReminderRecipient?>();
        foreach (var role in asked)
        {
            oneByOne[role] = await fixture.ReadAsync(session => directory.FindHolderAsync(role, Day, session, default));
        }

        Assert.Equal(
            ["samordnare@example.org", "member@example.org", "ordf-sn@example.org", "new-secretary@example.org"],
            new[] { "styrgrupp/Secretary", "styrgrupp/Member", "sn/Chair", "sn/Secretary" }.Select(role => atOnce[role].Address));
        Assert.Equal(4, atOnce.Count);
        Assert.All(asked, role => Assert.Equal(oneByOne[role], atOnce.GetValueOrDefault(role)));
        Assert.Equal("nämndsekreterare i BUS styrgrupp", atOnce["styrgrupp/Secretary"].RoleTitleSv);
        Assert.Equal("chair of Socialnämnden", atOnce["sn/Chair"].RoleTitleEn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Holders_asked_at_once_see_the_sessions_unsaved_assignments_and_stay_untracked(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(records =>
        {
            records.Add(BusSample.Organization());
            records.Add(BusSample.Board("sn"));
            records.Add(BusSample.Person("outgoing"));
            records.Add(BusSample.Role("outgoing", RoleKind.Chair, "sn", null, MandateStart, null));
        });

        await using var session = await fixture.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        var incoming = BusSample.Person("incoming");
        records.Add(incoming);
        records.Add(BusSample.Role("incoming", RoleKind.Chair, "sn", null, Day, null));

        var holders = await new BusRoleDirectory().FindHoldersAsync(["sn/Chair"], Day, session, default);

        Assert.Equal("incoming@example.org", holders["sn/Chair"].Address);
        var tracker = StoreFixture.ContextOf(session).ChangeTracker;
        Assert.Equal(["incoming"], tracker.Entries<Person>().Select(e => e.Entity.Id));
        Assert.Empty(tracker.Entries<Board>());
    }
}
