using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using NodaTime;

namespace BusFlow.Bus.Tests.People;

/// <summary>Role assignments on the demo's boards: Socialnämnden's chair is Anna Lindqvist to 31 December 2026, then Sofia Nyberg.</summary>
public sealed class AssignmentRegistryTests : IAsyncLifetime
{
    private const string Board = DemoMunicipality.SocialBoardId;

    private readonly DemoDirectory _directory = new();

    private AssignmentRegistry Registry => new(_directory.Store);

    public Task InitializeAsync() => _directory.InitializeAsync();

    public Task DisposeAsync() => _directory.DisposeAsync();

    [Fact]
    public async Task A_chair_from_a_day_nobody_chairs_is_saved_and_holds_the_role_that_day()
    {
        var added = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Chair, "ks", null, new LocalDate(2030, 1, 1), null), default);
        var ended = await Registry.ChangeDaysAsync((await FindAsync("ks", RoleKind.Chair, "helena.borg")).Id, new LocalDate(2027, 1, 1), new LocalDate(2029, 12, 31), default);
        var addedAfterEnd = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Chair, "ks", null, new LocalDate(2030, 1, 1), null), default);

        Assert.Equal(AssignmentProblem.Overlaps, Assert.Single(added.Errors).Problem);
        Assert.NotNull(ended.Assignment);
        Assert.NotNull(addedAfterEnd.Assignment);
        var holder = await _directory.ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, "ks", new LocalDate(2030, 6, 1), default));
        Assert.Equal("oskar.lind", holder!.Id);
    }

    [Fact]
    public async Task A_second_chair_for_the_same_days_is_refused_naming_the_assignment_and_person_it_overlaps()
    {
        var saved = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Chair, Board, null, new LocalDate(2026, 12, 1), new LocalDate(2027, 6, 30)), default);

        var error = Assert.Single(saved.Errors);
        Assert.Equal(("from", AssignmentProblem.Overlaps), (error.Field, error.Problem));
        Assert.Equal(("anna.lindqvist", new LocalDate(2026, 12, 31)), (error.Overlapping!.PersonId, error.Overlapping.Until));
        Assert.Equal("Anna Lindqvist", error.OverlappingHolder!.Name);
        Assert.DoesNotContain(await _directory.ReadAsync(r => r.ListAssignmentsOfAsync("oskar.lind", default)), a => a.BoardId == Board);
    }

    [Fact]
    public async Task An_assignment_reaching_into_anothers_days_is_refused_on_its_until()
    {
        var saved = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.ViceChair, Board, null, new LocalDate(2022, 1, 1), new LocalDate(2023, 1, 1)), default);

        var error = Assert.Single(saved.Errors);
        Assert.Equal(("until", AssignmentProblem.Overlaps, "erik.sandberg"), (error.Field, error.Problem, error.Overlapping!.PersonId));
    }

    [Fact]
    public async Task Members_may_sit_side_by_side_for_the_same_days()
    {
        var first = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Member, Board, null, new LocalDate(2027, 1, 1), null), default);
        var second = await Registry.AddAsync(new AssignmentDraft("emma.sundin", RoleKind.Member, Board, null, new LocalDate(2027, 1, 1), null), default);

        Assert.NotNull(first.Assignment);
        Assert.NotNull(second.Assignment);
        var members = await _directory.ReadAsync(r => r.ListRoleHoldersAsync(Board, new LocalDate(2027, 3, 1), default));
        Assert.Equal(["emma.sundin", "oskar.lind"], members.Where(m => m.Role.Role == RoleKind.Member).Select(m => m.Person.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_at_once_and_nothing_is_saved()
    {
        var saved = await Registry.AddAsync(new AssignmentDraft("nobody", null, "no-board", null, new LocalDate(2027, 1, 1), new LocalDate(2026, 12, 31)), default);
        var none = await Registry.AddAsync(new AssignmentDraft(null, RoleKind.Member, null, null, null, null), default);
        var both = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Member, Board, "styrgrupp", new LocalDate(2027, 1, 1), null), default);
        var noBody = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Member, null, "no-body", new LocalDate(2027, 1, 1), null), default);

        Assert.Equal(
            [("personId", AssignmentProblem.NoPerson), ("role", AssignmentProblem.Required), ("boardId", AssignmentProblem.NoBoard), ("until", AssignmentProblem.EndsBeforeStart)],
            saved.Errors.Select(e => (e.Field, e.Problem)));
        Assert.Equal([("personId", AssignmentProblem.Required), ("boardId", AssignmentProblem.Required), ("from", AssignmentProblem.Required)], none.Errors.Select(e => (e.Field, e.Problem)));
        Assert.Equal(("bodyId", AssignmentProblem.BoardAndBody), (Assert.Single(both.Errors).Field, both.Errors[0].Problem));
        Assert.Equal(("bodyId", AssignmentProblem.NoBody), (Assert.Single(noBody.Errors).Field, noBody.Errors[0].Problem));
        Assert.Empty(await _directory.ReadAsync(r => r.ListAssignmentsOnAsync("no-board", default)));
    }

    [Fact]
    public async Task A_body_takes_assignments_too_and_its_one_seat_roles_are_checked_the_same_way()
    {
        var member = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.CoOptedMember, null, DemoMunicipality.SteeringGroupId, new LocalDate(2027, 1, 1), null), default);
        var secretary = await Registry.AddAsync(new AssignmentDraft("oskar.lind", RoleKind.Secretary, null, DemoMunicipality.SteeringGroupId, new LocalDate(2027, 1, 1), null), default);

        Assert.Equal(DemoMunicipality.SteeringGroupId, member.Assignment!.BodyId);
        Assert.Equal(("lena.vikstrom", AssignmentProblem.Overlaps), (secretary.Errors[0].Overlapping!.PersonId, secretary.Errors[0].Problem));
    }

    [Fact]
    public async Task Ending_an_assignment_sets_its_until_and_an_end_before_its_start_changes_nothing()
    {
        var secretary = await FindAsync(Board, RoleKind.Secretary, "maria.holmgren");

        var wrong = await Registry.ChangeDaysAsync(secretary.Id, secretary.From, new LocalDate(2022, 12, 31), default);
        var ended = await Registry.ChangeDaysAsync(secretary.Id, secretary.From, new LocalDate(2026, 12, 31), default);

        Assert.Equal(("until", AssignmentProblem.EndsBeforeStart), (Assert.Single(wrong.Errors).Field, wrong.Errors[0].Problem));
        Assert.Equal(new LocalDate(2026, 12, 31), ended.Assignment!.Until);
        Assert.Null(await _directory.ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Secretary, Board, new LocalDate(2027, 1, 1), default)));
        Assert.False((await Registry.ChangeDaysAsync(Guid.NewGuid(), new LocalDate(2027, 1, 1), null, default)).Found);
    }

    [Fact]
    public async Task Moving_a_chairs_start_into_her_predecessors_days_is_refused_but_her_own_days_never_clash_with_themselves()
    {
        var next = await FindAsync(Board, RoleKind.Chair, "sofia.nyberg");

        var early = await Registry.ChangeDaysAsync(next.Id, new LocalDate(2026, 12, 1), null, default);
        var later = await Registry.ChangeDaysAsync(next.Id, new LocalDate(2027, 2, 1), null, default);

        Assert.Equal("anna.lindqvist", Assert.Single(early.Errors).Overlapping!.PersonId);
        Assert.Equal(new LocalDate(2027, 2, 1), later.Assignment!.From);
    }

    [Fact]
    public async Task A_removed_assignment_is_gone_and_its_role_is_nobodys_on_its_days()
    {
        var next = await FindAsync(Board, RoleKind.Chair, "sofia.nyberg");

        var removed = await Registry.RemoveAsync(next.Id, default);
        var again = await Registry.RemoveAsync(next.Id, default);

        Assert.Equal(next.Id, removed!.Id);
        Assert.Null(again);
        Assert.Null(await _directory.ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, Board, new LocalDate(2027, 1, 1), default)));
    }

    private async Task<RoleAssignment> FindAsync(string board, RoleKind role, string personId) =>
        (await _directory.ReadAsync(r => r.ListAssignmentsOnAsync(board, default))).Single(a => a.Role == role && a.PersonId == personId);
}
