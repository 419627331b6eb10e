using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Bus.Tests.People;

/// <summary>The preview an administrator reads in November 2026: Socialnämnden's presidium hands over on 1 January 2027.</summary>
public sealed class RolePreviewTests : IAsyncLifetime
{
    private readonly DemoDirectory _directory = new();

    private RolePreview Preview => new(_directory.Store, new FakeClock(DemoDirectory.Now), new EngineOptions());

    public Task InitializeAsync() => _directory.InitializeAsync();

    public Task DisposeAsync() => _directory.DisposeAsync();

    [Fact]
    public async Task By_default_it_compares_today_with_the_next_first_of_january_and_marks_the_presidiums_hand_over()
    {
        var sheet = await Preview.OfAsync(DemoMunicipality.SocialBoardId, null, default);

        Assert.Equal((new LocalDate(2026, 11, 23), new LocalDate(2027, 1, 1), "Socialnämnden"), (sheet!.Today, sheet.On, sheet.Name));
        Assert.Equal(
            [
                "Chair: Anna Lindqvist → Sofia Nyberg (changes)",
                "ViceChair: Erik Sandberg → Olof Wester (changes)",
                "Secretary: Maria Holmgren → Maria Holmgren",
                "HeadOfAdministration: Lars Ekwall → Lars Ekwall",
            ],
            sheet.Lines.Select(Describe));
        Assert.True(sheet.Changes);
    }

    [Fact]
    public async Task On_a_day_within_the_mandate_nothing_changes_and_an_empty_seat_shows_as_nobody()
    {
        await new AssignmentRegistry(_directory.Store).AddAsync(
            new AssignmentDraft("oskar.lind", RoleKind.Member, DemoMunicipality.SocialBoardId, null, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), default);

        var within = await Preview.OfAsync(DemoMunicipality.SocialBoardId, new LocalDate(2026, 12, 31), default);
        var working = await Preview.OfAsync(DemoMunicipality.WorkingGroupId, null, default);

        Assert.False(within!.Changes);
        Assert.Contains("Member: Oskar Lind → Oskar Lind", within.Lines.Select(Describe));
        Assert.Contains("ViceChair: nobody → nobody", working!.Lines.Select(Describe));
        Assert.Contains("CoOptedMember: Tove Engström → Tove Engström", working.Lines.Select(Describe));
    }

    [Fact]
    public async Task A_member_who_leaves_at_the_new_year_is_marked_as_a_change()
    {
        await new AssignmentRegistry(_directory.Store).AddAsync(
            new AssignmentDraft("oskar.lind", RoleKind.Member, DemoMunicipality.SocialBoardId, null, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), default);

        var sheet = await Preview.OfAsync(DemoMunicipality.SocialBoardId, null, default);

        Assert.Contains("Member: Oskar Lind → nobody (changes)", sheet!.Lines.Select(Describe));
    }

    [Fact]
    public async Task There_is_no_preview_of_a_board_that_is_not_there()
    {
        Assert.Null(await Preview.OfAsync("no-such-board", null, default));
    }

    private static string Describe(RolePreviewLine line) =>
        $"{line.Role}: {Names(line.Today)} → {Names(line.OnDay)}{(line.Changes ? " (changes)" : "")}";

    private static string Names(IReadOnlyList<Person> people) => people.Count == 0 ? "nobody" : string.Join(", ", people.Select(p => p.Name));
}
