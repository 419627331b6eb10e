using BusFlow.Bus.Model;
using BusFlow.Host.Feeds;
using NodaTime;

namespace BusFlow.Host.Tests.Feeds;

public sealed class BusFeedEntriesTests
{
    private static readonly Board Social = new() { Id = "sn", OrganizationId = "exempelby", Code = "SN", Name = "Socialnämnden" };

    [Fact]
    public void A_meeting_is_two_hours_from_its_local_start_in_Stockholm_under_a_uid_from_its_id()
    {
        var meeting = new BoardMeeting { Id = Guid.Parse("0193a6f0-0000-7000-8000-000000000001"), BoardId = "sn", Date = new LocalDate(2026, 3, 10), StartsAt = new LocalTime(13, 0) };

        var entry = BusFeedEntries.Meeting(Social, meeting);

        Assert.Equal("meeting-0193a6f0000070008000000000000001@busflow", entry.Uid);
        Assert.Equal(entry.Uid, BusFeedEntries.Meeting(Social, meeting).Uid);
        Assert.Equal("Sammanträde: Socialnämnden", entry.Summary);
        Assert.Equal(new LocalDateTime(2026, 3, 10, 13, 0), entry.Start);
        Assert.Equal(new LocalDateTime(2026, 3, 10, 15, 0), entry.End);
        Assert.Equal("Europe/Stockholm", entry.Zone);
    }

    [Fact]
    public void A_deadline_is_on_the_due_date_says_who_has_the_task_and_links_to_it()
    {
        var task = FeedSamples.Task("Skicka kallelse", new LocalDate(2026, 3, 20));
        task.Description = "Kallelsen ska ut fem dagar före sammanträdet.";
        var link = new Uri("https://busflow.exempelby.test/api/tasks/1");

        var entry = BusFeedEntries.Deadline(task, link);

        Assert.Equal($"task-{task.Id:N}-due@busflow", entry.Uid);
        Assert.Equal("Sista dag: Skicka kallelse", entry.Summary);
        Assert.Equal(new LocalDate(2026, 3, 20), entry.Date);
        Assert.Equal("Kallelsen ska ut fem dagar före sammanträdet.\n\nUppgiften är tilldelad maria.holmgren@exempelby.test.", entry.Description);
        Assert.Equal(link, entry.Url);
        Assert.Throws<ArgumentException>(() => BusFeedEntries.Deadline(FeedSamples.Task("Utan datum", null), link));
    }

    [Fact]
    public void A_person_may_hold_a_role_on_a_board_only_on_the_days_of_an_assignment_there()
    {
        RoleAssignment[] assignments =
        [
            new() { PersonId = "anna", Role = RoleKind.Chair, BoardId = "sn", From = new LocalDate(2023, 1, 1), Until = new LocalDate(2026, 12, 31) },
            new() { PersonId = "anna", Role = RoleKind.Member, BodyId = "sn-body", From = new LocalDate(2027, 1, 1) },
        ];

        Assert.True(BusFeedEntries.MayHoldRoleOn(assignments, "sn", new LocalDate(2026, 12, 31)));
        Assert.False(BusFeedEntries.MayHoldRoleOn(assignments, "sn", new LocalDate(2027, 1, 1)));
        Assert.False(BusFeedEntries.MayHoldRoleOn(assignments, "bun", new LocalDate(2026, 6, 1)));
        Assert.False(BusFeedEntries.MayHoldRoleOn(assignments, "sn-body", new LocalDate(2027, 6, 1)));
    }

    [Fact]
    public void The_window_runs_from_three_months_back_to_eighteen_ahead()
    {
        var window = FeedWindow.Around(new LocalDate(2026, 3, 2));

        Assert.Equal(new FeedWindow(new LocalDate(2025, 12, 2), new LocalDate(2027, 9, 2)), window);
        Assert.True(window.Overlaps(new LocalDate(2020, 1, 1), null));
        Assert.True(window.Overlaps(new LocalDate(2027, 9, 2), null));
        Assert.False(window.Overlaps(new LocalDate(2027, 9, 3), null));
        Assert.False(window.Overlaps(new LocalDate(2023, 1, 1), new LocalDate(2025, 12, 1)));
    }
}
