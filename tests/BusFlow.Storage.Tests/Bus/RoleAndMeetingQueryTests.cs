using BusFlow.Bus.Model;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class RoleAndMeetingQueryTests
{
    private static readonly LocalDate MandateStart = new(2023, 1, 1);
    private static readonly LocalDate MandateEnd = new(2026, 12, 31);
    private static readonly LocalDate NextMandateStart = new(2027, 1, 1);

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_chair_hands_over_at_the_turn_of_the_mandate_period(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Person("outgoing"));
            r.Add(BusSample.Person("incoming"));
            r.Add(BusSample.Person("other-board"));
            r.Add(BusSample.Role("outgoing", RoleKind.Chair, "sn", null, MandateStart, MandateEnd));
            r.Add(BusSample.Role("incoming", RoleKind.Chair, "sn", null, NextMandateStart, null));
            r.Add(BusSample.Role("other-board", RoleKind.Chair, "bun", null, MandateStart, null));
        });

        Task<Person?> ChairOn(int year, int month, int day) =>
            fixture.ReadBusAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(year, month, day), default));

        Assert.Null(await ChairOn(2022, 12, 31));
        Assert.Equal("outgoing", (await ChairOn(2023, 1, 1))?.Id);
        Assert.Equal("outgoing", (await ChairOn(2026, 12, 31))?.Id);
        Assert.Equal("incoming", (await ChairOn(2027, 1, 1))?.Id);
        Assert.Equal("incoming", (await ChairOn(2035, 6, 1))?.Id);
        Assert.Null(await fixture.ReadBusAsync(r => r.FindRoleHolderAsync(RoleKind.ViceChair, "sn", new LocalDate(2024, 1, 1), default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Of_overlapping_assignments_the_one_that_started_latest_holds_the_role(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Person("old"));
            r.Add(BusSample.Person("new"));
            // The old secretary's end was never recorded.
            r.Add(BusSample.Role("old", RoleKind.Secretary, "sn", null, MandateStart, null));
            r.Add(BusSample.Role("new", RoleKind.Secretary, "sn", null, new LocalDate(2025, 3, 1), null));
        });

        Assert.Equal("old", (await fixture.ReadBusAsync(r => r.FindRoleHolderAsync(RoleKind.Secretary, "sn", new LocalDate(2025, 2, 28), default)))?.Id);
        Assert.Equal("new", (await fixture.ReadBusAsync(r => r.FindRoleHolderAsync(RoleKind.Secretary, "sn", new LocalDate(2025, 3, 1), default)))?.Id);
        var holders = await fixture.ReadBusAsync(r => r.ListRoleHoldersAsync("sn", new LocalDate(2025, 3, 1), default));
        Assert.Equal(["new"], holders.Select(h => h.Person.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_body_lists_its_one_seat_roles_once_and_every_member(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            foreach (var id in new[] { "samordnare", "ordf-sn", "ordf-bun", "ordf-sn-2027", "region" })
            {
                r.Add(BusSample.Person(id));
            }

            r.Add(BusSample.Role("samordnare", RoleKind.Secretary, null, "styrgrupp", MandateStart, null));
            r.Add(BusSample.Role("ordf-sn", RoleKind.Member, null, "styrgrupp", MandateStart, MandateEnd));
            r.Add(BusSample.Role("ordf-sn-2027", RoleKind.Member, null, "styrgrupp", NextMandateStart, null));
            r.Add(BusSample.Role("ordf-bun", RoleKind.Member, null, "styrgrupp", MandateStart, null));
            r.Add(BusSample.Role("region", RoleKind.CoOptedMember, null, "styrgrupp", new LocalDate(2026, 9, 1), new LocalDate(2026, 12, 31)));
            // The coordinator's role on a board is no role in the body.
            r.Add(BusSample.Role("samordnare", RoleKind.Chair, "sn", null, MandateStart, null));
        });

        var december = await fixture.ReadBusAsync(r => r.ListRoleHoldersAsync("styrgrupp", new LocalDate(2026, 12, 31), default));
        Assert.Equal(
            [(RoleKind.Secretary, "samordnare"), (RoleKind.Member, "ordf-bun"), (RoleKind.Member, "ordf-sn"), (RoleKind.CoOptedMember, "region")],
            december.Select(h => (h.Role.Role, h.Person.Id)));
        var january = await fixture.ReadBusAsync(r => r.ListRoleHoldersAsync("styrgrupp", NextMandateStart, default));
        Assert.Equal(
            [(RoleKind.Secretary, "samordnare"), (RoleKind.Member, "ordf-bun"), (RoleKind.Member, "ordf-sn-2027")],
            january.Select(h => (h.Role.Role, h.Person.Id)));
        Assert.Equal("samordnare", (await fixture.ReadBusAsync(r => r.FindRoleHolderAsync(RoleKind.Secretary, "styrgrupp", MandateStart, default)))?.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Meetings_are_listed_for_one_board_from_one_day_to_another_inclusive_in_date_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Organization());
            r.Add(BusSample.Board("sn"));
            r.Add(BusSample.Board("bun"));
            // Added out of order, with the other board's meeting inside the range.
            foreach (var (month, day) in new[] { (6, 9), (2, 10), (3, 10), (1, 13), (5, 12), (4, 14) })
            {
                r.Add(BusSample.Meeting("sn", new LocalDate(2026, month, day)));
            }

            r.Add(BusSample.Meeting("bun", new LocalDate(2026, 3, 18)));
        });

        var meetings = await fixture.ReadBusAsync(r => r.ListMeetingsAsync("sn", new LocalDate(2026, 2, 10), new LocalDate(2026, 5, 12), default));

        Assert.Equal(
            [new LocalDate(2026, 2, 10), new LocalDate(2026, 3, 10), new LocalDate(2026, 4, 14), new LocalDate(2026, 5, 12)],
            meetings.Select(m => m.Date));
        Assert.All(meetings, m => Assert.Equal("sn", m.BoardId));
        Assert.Equal(new LocalTime(13, 0), meetings[0].StartsAt);
        Assert.Empty(await fixture.ReadBusAsync(r => r.ListMeetingsAsync("sn", new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31), default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Boards_agreements_and_bodies_are_listed_in_a_stable_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Organization());
            r.Add(BusSample.Board("sn"));
            r.Add(BusSample.Board("bun"));
            r.Add(BusSample.Board("kun"));
            var next = BusSample.Agreement("bus-2027-2030");
            next.ValidFrom = new LocalDate(2027, 1, 1);
            next.ValidUntil = new LocalDate(2030, 12, 31);
            r.Add(next);
            r.Add(BusSample.Agreement("bus-2023-2026"));
            r.Add(new CollaborationBody { Id = "styrgrupp", Name = "BUS styrgrupp", Kind = BodyKind.SteeringGroup });
            r.Add(new CollaborationBody { Id = "arbetsgrupp", Name = "BUS arbetsgrupp", Kind = BodyKind.WorkingGroup });
        });

        Assert.Equal(["BUN", "KUN", "SN"], (await fixture.ReadBusAsync(r => r.ListBoardsAsync(default))).Select(b => b.Code));
        Assert.Equal(["bus-2023-2026", "bus-2027-2030"], (await fixture.ReadBusAsync(r => r.ListAgreementsAsync(default))).Select(a => a.Id));
        Assert.Equal(["arbetsgrupp", "styrgrupp"], (await fixture.ReadBusAsync(r => r.ListBodiesAsync(default))).Select(b => b.Id));
    }
}
