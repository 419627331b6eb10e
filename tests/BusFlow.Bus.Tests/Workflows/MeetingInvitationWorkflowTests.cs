using BusFlow.Bus.Simulation;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using Ical.Net.CalendarComponents;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The spring and autumn meetings go out as calendar invitations to the management group's members.</summary>
public sealed class MeetingInvitationWorkflowTests : IAsyncLifetime
{
    /// <summary>The demo's BUS management group in 2026: each party board's chair, vice chair and head of administration.</summary>
    private static readonly string[] ManagementGroup =
    [
        "anna.lindqvist@exempelby.test", "erik.sandberg@exempelby.test", "lars.ekwall@exempelby.test",
        "henrik.alander@exempelby.test", "linnea.berglund@exempelby.test", "eva.strandberg@exempelby.test",
        "ingrid.sjoholm@exempelby.test", "magnus.akesson@exempelby.test", "goran.tidblad@exempelby.test",
    ];

    /// <summary>The public-health strategist, the management group's secretary, calls the meetings.</summary>
    private const string Organizer = "lena.vikstrom@exempelby.test";

    private static readonly LocalDateTime Start = new(2026, 1, 12, 9, 0);

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(Start);

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task The_spring_review_invites_each_member_of_the_management_group_to_the_meeting_at_13_Stockholm_time()
    {
        await StartSpringAsync(2026, "2026-04-15");

        var invitations = await InvitationsAsync();

        Assert.Equal(ManagementGroup.Order(StringComparer.Ordinal), invitations.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(invitations, m => m.To == Organizer);
        Assert.All(invitations, m =>
        {
            // Sent when the spring review starts, months ahead, so the date can be kept free.
            Assert.Equal(Start, BusHarness.Local(m.CreatedAt));
            Assert.Equal(("Inbjudan: Vårmöte BUS 2026 15 april 2026", "REQUEST", EmailKind.Required), (m.Subject, m.CalendarMethod, m.Kind));
            Assert.Contains("När: 15 april 2026 kl. 13:00–16:00", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Sammankallande: Lena Vikström", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("1. Det gångna året: parternas rapporter", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Contains("Hej Anna Lindqvist!", invitations.Single(m => m.To == "anna.lindqvist@exempelby.test").TextBody, StringComparison.Ordinal);

        var meeting = Meeting(invitations[0]);
        Assert.Equal("bus-2023-2026-2026-spring-meeting@busflow", meeting.Uid);
        Assert.Equal(0, meeting.Sequence);
        Assert.Equal("Vårmöte BUS 2026", meeting.Summary);
        Assert.Equal("Europe/Stockholm", meeting.DtStart!.TzId);
        // 15 April is summer time (CEST, +02:00): 13:00–16:00 in Stockholm is 11:00–14:00 UTC.
        Assert.Equal(new DateTime(2026, 4, 15, 11, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 4, 15, 14, 0, 0, DateTimeKind.Utc), meeting.DtEnd!.AsUtc);
        Assert.Equal("mailto:" + Organizer, meeting.Organizer!.Value!.ToString());
        Assert.Equal(ManagementGroup.Order(StringComparer.Ordinal), meeting.Attendees.Select(a => a.Value!.ToString()["mailto:".Length..]).Order(StringComparer.Ordinal));
        Assert.Contains("Dagordning:\n1. Det gångna året: parternas rapporter", meeting.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_member_gets_the_same_meeting_uid_and_each_year_and_season_has_its_own()
    {
        await StartSpringAsync(2026, "2026-04-15");
        await StartSpringAsync(2027, "2027-04-15");
        await _bus.StartAsync("autumn-planning", CycleInputs.Autumn2026());

        var uids = (await InvitationsAsync()).GroupBy(m => Meeting(m).Uid ?? "").ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["bus-2023-2026-2026-spring-meeting@busflow"] = ManagementGroup.Length,
                // In 2027 the presidium of the new mandate period sits in the group: the same number of seats.
                ["bus-2023-2026-2027-spring-meeting@busflow"] = ManagementGroup.Length,
                ["bus-2023-2026-2026-autumn-meeting@busflow"] = ManagementGroup.Length,
            },
            uids);
    }

    [Fact]
    public async Task The_autumn_planning_invites_to_the_autumn_meeting_with_next_years_priorities_on_the_agenda()
    {
        var input = CycleInputs.Autumn2026();
        input["place"] = "Kommunhuset, sal Ekbacken";
        await _bus.StartAsync("autumn-planning", input);

        await _bus.RunUntilAsync(new LocalDateTime(2026, 12, 31, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var invitations = await InvitationsAsync();
        Assert.Equal(ManagementGroup.Order(StringComparer.Ordinal), invitations.Select(m => m.To).Order(StringComparer.Ordinal));
        var invitation = invitations[0];
        Assert.Equal(("Inbjudan: Höstmöte BUS 2026 6 oktober 2026", "REQUEST"), (invitation.Subject, invitation.CalendarMethod));
        Assert.Contains("Var: Kommunhuset, sal Ekbacken", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("2. Framtiden: prioriteringar för barn och unga 2027", invitation.TextBody, StringComparison.Ordinal);
        var meeting = Meeting(invitation);
        Assert.Equal(("bus-2023-2026-2026-autumn-meeting@busflow", 0), (meeting.Uid, meeting.Sequence));
        Assert.Equal("Kommunhuset, sal Ekbacken", meeting.Location);
        Assert.Equal(new DateTime(2026, 10, 6, 11, 0, 0, DateTimeKind.Utc), meeting.DtStart!.AsUtc);
        // The real tasks stay tasks: the steering group's proposal is still asked of the secretary.
        Assert.Contains(await _bus.AllTasksAsync(), t => t.ActivityId == "proposePriorities");
    }

    private Task StartSpringAsync(int year, string meetingDate) => _bus.StartAsync("spring-review", CycleInputs.Spring(year, meetingDate));

    private async Task<List<OutboxMessage>> InvitationsAsync() => [.. (await _bus.OutboxAsync()).Where(m => m.ActivityId == "invite")];

    private static CalendarEvent Meeting(OutboxMessage message) => Assert.Single(Ical.Net.Calendar.Load(message.CalendarContent!)!.Events);
}
