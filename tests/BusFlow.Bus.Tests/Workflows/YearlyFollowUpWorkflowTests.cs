using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Shortcomings;
using BusFlow.Bus.Simulation;
using BusFlow.Bus.Wheel;
using BusFlow.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// The Norrtälje-like example (examples/strandvik-yearly-follow-up.yaml): one follow-up meeting of the
/// parties' presidia a year, convened in turn by SSON, then BSN with UN, then SN, over a whole mandate.
/// </summary>
public sealed class YearlyFollowUpWorkflowTests : IAsyncLifetime
{
    private const string Agreement = "strandvik-bus";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 1, 9, 0), "strandvik-yearly-follow-up.yaml");

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Each_year_of_the_mandate_has_one_follow_up_meeting_on_its_working_days()
    {
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = Agreement });

        await _bus.RunUntilAsync(new LocalDateTime(2031, 1, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var followUps = (await _bus.InstancesAsync("yearly-follow-up")).OrderBy(i => i.CreatedAt).ToList();
        // Started on the spring's first working day at 08:00: 1 February, the 2nd in 2026… none before the import's year.
        Assert.Equal(
            [new LocalDateTime(2027, 2, 1, 8, 0), new LocalDateTime(2028, 2, 1, 8, 0), new LocalDateTime(2029, 2, 1, 8, 0), new LocalDateTime(2030, 2, 1, 8, 0)],
            followUps.Select(i => BusHarness.Local(i.CreatedAt)));
        Assert.All(followUps, i => Assert.Equal(InstanceStatus.Completed, i.Status));
        Assert.Empty(await _bus.InstancesAsync("spring-review"));
        Assert.Empty(await _bus.InstancesAsync("autumn-planning"));

        var tasks = await _bus.AllTasksAsync();
        // The meeting is on 15 April or the next working day: 2028-04-15 is a Saturday and the 17th Easter Monday; 2029-04-15 a Sunday.
        var notes = tasks.Where(t => t.ActivityId == "recordNotes").OrderBy(t => t.CreatedAt).ToList();
        Assert.Equal(
            [new LocalDateTime(2027, 4, 15, 16, 0), new LocalDateTime(2028, 4, 18, 16, 0), new LocalDateTime(2029, 4, 16, 16, 0), new LocalDateTime(2030, 4, 15, 16, 0)],
            notes.Select(t => BusHarness.Local(t.CreatedAt)));
        var agendas = tasks.Where(t => t.ActivityId == "prepareAgenda").OrderBy(t => t.CreatedAt).ToList();
        Assert.Equal([new LocalDate(2027, 3, 15), new LocalDate(2028, 3, 15), new LocalDate(2029, 3, 15), new LocalDate(2030, 3, 15)], agendas.Select(t => t.DueDate));
        // Three weeks before the meeting, on a working day.
        var invitations = tasks.Where(t => t.ActivityId == "sendInvitation").OrderBy(t => t.CreatedAt).ToList();
        Assert.Equal([new LocalDate(2027, 3, 25), new LocalDate(2028, 3, 28), new LocalDate(2029, 3, 26), new LocalDate(2030, 3, 25)], invitations.Select(t => t.DueDate));
    }

    [Fact]
    public async Task A_shortcoming_reported_before_the_follow_up_is_on_the_conveners_agenda_task()
    {
        var reported = await _bus.Services.GetRequiredService<ShortcomingRegistry>().ReportAsync(
            Agreement, new ShortcomingDraft("Kallelsen till samrådet kom aldrig fram.", "2026-11-20", null, "Serious", "anna@strandvik.test"), "anna@strandvik.test", "anna@strandvik.test", default);
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = Agreement });

        await _bus.RunUntilAsync(new LocalDateTime(2027, 3, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Empty(reported.Errors);
        var agenda = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "prepareAgenda");
        Assert.Contains("Kallelsen till samrådet kom aldrig fram.", agenda.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_convening_partys_representative_prepares_the_meeting_in_the_order_of_the_rotation()
    {
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = Agreement });

        await _bus.RunUntilAsync(new LocalDateTime(2031, 1, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var tasks = (await _bus.AllTasksAsync()).Where(t => t.ActivityId is "prepareAgenda" or "sendInvitation" or "recordNotes").OrderBy(t => t.CreatedAt).ToList();
        // SSON 2027, BSN with UN 2028 (BSN's representative prepares), SN 2029, SSON again 2030: the order of the seed.
        string[] conveners = ["roland.esk@sfo.test", "cecilia.dahlen@strandvik.test", "hans.tag@strandvik.test", "roland.esk@sfo.test"];
        Assert.Equal(conveners.SelectMany(c => new[] { c, c, c }), tasks.Select(t => t.Assignee));
    }

    [Fact]
    public async Task The_invitation_names_this_years_convener_and_the_next()
    {
        await _bus.StartAsync("bus-annual-cycle", new JsonObject { ["agreement"] = Agreement });

        await _bus.RunUntilAsync(new LocalDateTime(2028, 5, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        var invitations = (await _bus.OutboxAsync()).Where(m => m.Subject.StartsWith("Kallelse: BUS-uppföljningen", StringComparison.Ordinal)).ToList();
        var first = invitations.Where(m => m.Subject.Contains("2027", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, first.Count);
        Assert.Contains("cecilia.dahlen@strandvik.test", first.Select(m => m.To));
        Assert.All(first, m =>
        {
            Assert.Contains("Sammankallande 2027: Sjukvårds- och omsorgsnämnden (Roland Esk)", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Nästa år (2028) sammankallar: Barn- och skolnämnden och Utbildningsnämnden", m.TextBody, StringComparison.Ordinal);
        });
        var second = invitations.Where(m => m.Subject.Contains("2028", StringComparison.Ordinal)).ToList();
        Assert.All(second, m => Assert.Contains("Nästa år (2029) sammankallar: Socialnämnden", m.TextBody, StringComparison.Ordinal));
        Assert.NotEmpty(second);
    }

    [Fact]
    public async Task The_years_wheel_shows_the_follow_up_meeting_with_its_convener_and_the_next_and_no_renewal()
    {
        var wheel = (await _bus.Services.GetRequiredService<YearWheelBuilder>().BuildAsync(Agreement, 2028, default))!;

        var meeting = Assert.Single(wheel.Entries, e => e.Label == WheelLabel.FollowUpMeeting);
        Assert.Equal(
            (new LocalDate(2028, 4, 18), "Barn- och skolnämnden, Utbildningsnämnden", "Socialnämnden"),
            (meeting.Start, meeting.Convener, meeting.NextConvener));
        Assert.Equal(new LocalDate(2028, 3, 15), Assert.Single(wheel.Entries, e => e.Label == WheelLabel.FollowUpAgendaDue).Start);
        Assert.DoesNotContain(wheel.Entries, e => e.Label is WheelLabel.SpringMeeting or WheelLabel.AutumnMeeting or WheelLabel.RenewalRound);
    }

    [Fact]
    public async Task An_agreement_revised_in_place_runs_its_yearly_follow_up_and_no_renewal()
    {
        var agreement = (await _bus.AgreementAsync(Agreement))!;

        Assert.Equal(
            [(AgreementCycles.AnnualCycleWorkflow, AgreementCycles.AnnualCycleKey(Agreement))],
            AgreementCycles.Of(agreement));
    }
}
