using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using BusFlow.Bus.Roles;
using NodaTime;

namespace BusFlow.Bus.Tests.Roles;

public sealed class RoleHoldersTests
{
    private static readonly MandatePeriod Period2023To2026 = MandatePeriods.For(new LocalDate(2023, 1, 1));

    [Fact]
    public void The_outgoing_chair_holds_the_role_on_new_years_eve_and_the_incoming_one_on_new_years_day()
    {
        var handOver = MandateShift.ForBoard("sn", "person-a", "person-b", Period2023To2026);
        RoleAssignment[] assignments = [handOver.Outgoing, handOver.Incoming];

        Assert.Equal("person-a", RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", new LocalDate(2026, 12, 31))?.PersonId);
        Assert.Equal("person-b", RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", new LocalDate(2027, 1, 1))?.PersonId);
    }

    [Fact]
    public void A_mandate_shift_ends_the_old_role_with_the_period_and_starts_the_new_on_the_first_of_january()
    {
        var handOver = MandateShift.ForBody("styrgrupp", "person-a", "person-b", Period2023To2026, RoleKind.ViceChair);

        Assert.Equal(new LocalDate(2023, 1, 1), handOver.Outgoing.From);
        Assert.Equal(new LocalDate(2026, 12, 31), handOver.Outgoing.Until);
        Assert.Equal(new LocalDate(2027, 1, 1), handOver.Incoming.From);
        Assert.Null(handOver.Incoming.Until);
        Assert.All([handOver.Outgoing, handOver.Incoming], a =>
        {
            Assert.Equal(RoleKind.ViceChair, a.Role);
            Assert.Equal("styrgrupp", a.BodyId);
            Assert.Null(a.BoardId);
        });
        Assert.NotEqual(handOver.Outgoing.Id, handOver.Incoming.Id);
    }

    [Fact]
    public void A_vice_chair_with_no_end_still_holds_the_role_years_later()
    {
        RoleAssignment[] assignments = [Assignment("person-c", RoleKind.ViceChair, boardId: "bun", from: new LocalDate(2023, 1, 1))];

        Assert.Equal("person-c", RoleHolders.HolderOn(assignments, RoleKind.ViceChair, "bun", new LocalDate(2031, 6, 1))?.PersonId);
    }

    [Fact]
    public void Nobody_holds_a_role_before_anyones_start()
    {
        RoleAssignment[] assignments =
        [
            Assignment("person-a", RoleKind.Chair, boardId: "sn", from: new LocalDate(2023, 1, 1)),
            Assignment("person-b", RoleKind.Chair, boardId: "sn", from: new LocalDate(2024, 3, 1)),
        ];

        Assert.Null(RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", new LocalDate(2022, 12, 31)));
    }

    [Fact]
    public void Nobody_holds_a_role_after_its_last_holder_left()
    {
        RoleAssignment[] assignments = [Assignment("person-a", RoleKind.Secretary, boardId: "sn", from: new LocalDate(2023, 1, 1), until: new LocalDate(2024, 6, 30))];

        Assert.Null(RoleHolders.HolderOn(assignments, RoleKind.Secretary, "sn", new LocalDate(2024, 7, 1)));
    }

    [Fact]
    public void When_two_holders_overlap_the_one_who_started_latest_holds_the_role()
    {
        RoleAssignment[] assignments =
        [
            Assignment("person-new", RoleKind.Chair, boardId: "sn", from: new LocalDate(2027, 1, 1)),
            Assignment("person-old", RoleKind.Chair, boardId: "sn", from: new LocalDate(2023, 1, 1)),
        ];

        Assert.Equal("person-old", RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", new LocalDate(2026, 12, 31))?.PersonId);
        Assert.Equal("person-new", RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", new LocalDate(2027, 1, 1))?.PersonId);
    }

    [Fact]
    public void The_id_matches_a_board_or_a_body_and_the_role_must_match()
    {
        RoleAssignment[] assignments =
        [
            Assignment("person-board", RoleKind.Chair, boardId: "sn", from: new LocalDate(2023, 1, 1)),
            Assignment("person-body", RoleKind.Chair, bodyId: "styrgrupp", from: new LocalDate(2023, 1, 1)),
            Assignment("person-vice", RoleKind.ViceChair, boardId: "sn", from: new LocalDate(2023, 1, 1)),
        ];
        var day = new LocalDate(2025, 5, 5);

        Assert.Equal("person-board", RoleHolders.HolderOn(assignments, RoleKind.Chair, "sn", day)?.PersonId);
        Assert.Equal("person-body", RoleHolders.HolderOn(assignments, RoleKind.Chair, "styrgrupp", day)?.PersonId);
        Assert.Equal("person-vice", RoleHolders.HolderOn(assignments, RoleKind.ViceChair, "sn", day)?.PersonId);
        Assert.Null(RoleHolders.HolderOn(assignments, RoleKind.Chair, "bun", day));
        Assert.Null(RoleHolders.HolderOn(assignments, RoleKind.Secretary, "sn", day));
    }

    private static RoleAssignment Assignment(string personId, RoleKind role, LocalDate from, string? boardId = null, string? bodyId = null, LocalDate? until = null) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = personId,
        Role = role,
        BoardId = boardId,
        BodyId = bodyId,
        From = from,
        Until = until,
    };
}
