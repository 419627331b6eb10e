using System.Text.Json.Nodes;
using BusFlow.Bus.Simulation;
using BusFlow.Bus.Status;
using BusFlow.Bus.Tests.Workflows;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Status;

public sealed class AgreementStatusReaderTests
{
    private const string Agreement = "bus-2023-2026";
    private const string Administrator = "admin@exempelby.test";

    [Fact]
    public async Task On_28_April_2026_the_renewal_round_shows_SN_decided_KUN_reminded_twice_after_an_extension_and_BUN_escalated()
    {
        await using var bus = await RenewalWithOnlySnAnsweringAsync();
        await bus.RunUntilAsync(new LocalDateTime(2026, 4, 22, 12, 0), Answers(bus));
        var kunTask = await OpenDecisionTaskAsync(bus, "kun");
        var extended = await Interventions(bus).ExtendAsync(Agreement, kunTask.Id, new LocalDate(2026, 5, 28), "KUN:s sammanträde flyttat till maj.", Administrator, default);
        Assert.Equal(InterventionOutcome.Done, extended);

        await bus.RunUntilAsync(new LocalDateTime(2026, 4, 28, 12, 0), Answers(bus));
        var board = await ReadAsync(bus, new LocalDate(2026, 4, 28));

        var round = Assert.Single(board.Rounds);
        var parties = round.Parties.ToDictionary(p => p.BoardId);
        Assert.Equal(PartyState.Decided, parties["sn"].State);
        Assert.Equal("approve", parties["sn"].Decision!.Outcome);
        Assert.Equal(new LocalDate(2026, 4, 14), parties["sn"].Decision!.MeetingDate);
        Assert.NotNull(parties["sn"].Decision!.Paragraph);
        Assert.Equal(PartyState.Reminded, parties["kun"].State);
        Assert.Equal(2, parties["kun"].Reminders.Count);
        Assert.Equal(new LocalDate(2026, 5, 28), parties["kun"].OpenTask!.DueDate);
        Assert.Equal(PartyState.Escalated, parties["bun"].State);
        Assert.True(parties["bun"].OpenTask!.Overdue);
        Assert.Contains(parties["bun"].Reminders, r => r.Escalation);

        // Who must act: BUN's secretary first (overdue since 15 April), KUN's after; SN has nothing open.
        Assert.Equal(1, board.Overdue);
        Assert.Equal(parties["bun"].OpenTask!.TaskId, board.MustAct[0].TaskId);
        Assert.Contains(board.MustAct, a => a.TaskId == kunTask.Id);
        Assert.Equal(new LocalDate(2026, 5, 28), board.NextDeadline);
    }

    [Fact]
    public async Task Sending_a_task_again_and_handing_it_to_a_substitute_are_journaled_and_mailed_with_their_reasons()
    {
        await using var bus = await RenewalWithOnlySnAnsweringAsync();
        await bus.RunUntilAsync(new LocalDateTime(2026, 4, 16, 12, 0), Answers(bus));
        var bunTask = await OpenDecisionTaskAsync(bus, "bun");
        var kunTask = await OpenDecisionTaskAsync(bus, "kun");
        var mailBefore = (await bus.OutboxAsync()).Count;

        Assert.Equal(InterventionOutcome.Done, await Interventions(bus).ResendAsync(Agreement, bunTask.Id, "Sekreteraren hittar inte e-posten.", Administrator, default));
        Assert.Equal(InterventionOutcome.Done, await Interventions(bus).SubstituteAsync(Agreement, kunTask.Id, "sofia.nyberg", "Tillförordnad sekreterare under sjukskrivning.", Administrator, default));

        var resent = (await bus.JournalAsync(bunTask.InstanceId)).Single(e => e.Kind == JournalKind.TaskResent);
        Assert.Equal(Administrator, resent.Actor);
        Assert.Equal("Sekreteraren hittar inte e-posten.", resent.Payload<TaskResentPayload>()!.Reason);
        var handed = (await bus.JournalAsync(kunTask.InstanceId)).Single(e => e.Kind == JournalKind.TaskReassigned);
        Assert.Equal("sofia.nyberg@exempelby.test", handed.Payload<TaskReassignedPayload>()!.Assignee);
        Assert.Equal("Tillförordnad sekreterare under sjukskrivning.", handed.Payload<TaskReassignedPayload>()!.Reason);

        var mail = (await bus.OutboxAsync()).Skip(mailBefore).ToList();
        Assert.Contains(mail, m => m.To == bunTask.Assignee);
        Assert.Contains(mail, m => m.To == "sofia.nyberg@exempelby.test");
        var board = await ReadAsync(bus, new LocalDate(2026, 4, 16));
        Assert.Equal("sofia.nyberg@exempelby.test", board.MustAct.Single(a => a.TaskId == kunTask.Id).Assignee);
    }

    [Fact]
    public async Task An_intervention_without_a_reason_on_another_agreements_task_or_with_an_earlier_date_changes_nothing()
    {
        await using var bus = await RenewalWithOnlySnAnsweringAsync();
        await bus.RunUntilAsync(new LocalDateTime(2026, 4, 16, 12, 0), Answers(bus));
        var bunTask = await OpenDecisionTaskAsync(bus, "bun");
        var journalBefore = (await bus.JournalAsync(bunTask.InstanceId)).Count;
        var interventions = Interventions(bus);

        Assert.Equal(InterventionOutcome.ReasonNeeded, await interventions.ResendAsync(Agreement, bunTask.Id, "  ", Administrator, default));
        Assert.Equal(InterventionOutcome.ReasonNeeded, await interventions.ResendAsync(Agreement, bunTask.Id, new string('x', TaskInterventions.ReasonMaxLength + 1), Administrator, default));
        Assert.Equal(InterventionOutcome.NotOpen, await interventions.ResendAsync("another-agreement", bunTask.Id, "Skäl.", Administrator, default));
        Assert.Equal(InterventionOutcome.DateNotLater, await interventions.ExtendAsync(Agreement, bunTask.Id, bunTask.DueDate, "Skäl.", Administrator, default));
        Assert.Equal(InterventionOutcome.UnknownPerson, await interventions.SubstituteAsync(Agreement, bunTask.Id, "nobody", "Skäl.", Administrator, default));
        Assert.Equal(InterventionOutcome.NotOpen, await interventions.ResendAsync(Agreement, Guid.NewGuid(), "Skäl.", Administrator, default));

        Assert.Equal(journalBefore, (await bus.JournalAsync(bunTask.InstanceId)).Count);
        Assert.Equal(bunTask.DueDate, (await OpenDecisionTaskAsync(bus, "bun")).DueDate);
    }

    [Fact]
    public async Task A_rounds_last_day_extended_to_a_Saturday_ends_after_the_next_Monday_and_an_earlier_day_changes_nothing()
    {
        await using var bus = await RenewalWithOnlySnAnsweringAsync();
        await bus.RunUntilAsync(new LocalDateTime(2026, 4, 28, 12, 0), Answers(bus));
        var round = (await ReadAsync(bus, new LocalDate(2026, 4, 28))).Rounds.Single();
        var interventions = Interventions(bus);

        var earlier = await interventions.ExtendRoundAsync(Agreement, round.InstanceId, new LocalDate(2026, 11, 20), "Skäl.", Administrator, default);
        var extended = await interventions.ExtendRoundAsync(Agreement, round.InstanceId, new LocalDate(2026, 12, 19), "KUN sammanträder först i december.", Administrator, default);

        Assert.Equal(new LocalDate(2026, 11, 30), round.Deadline);
        Assert.Equal(InterventionOutcome.DateNotLater, earlier);
        Assert.Equal(InterventionOutcome.Done, extended);
        Assert.Equal(new LocalDate(2026, 12, 21), (await ReadAsync(bus, new LocalDate(2026, 4, 28))).Rounds.Single().Deadline);
        var moved = (await bus.JournalAsync(round.InstanceId)).Single(e => e.Kind == JournalKind.TimerMoved).Payload<TimerMovedPayload>()!;
        Assert.Equal(new LocalDateTime(2026, 12, 22, 0, 0), BusHarness.Local(moved.DueAt));
        Assert.Equal("KUN sammanträder först i december.", moved.Reason);
        var timer = await bus.ReadAsync((s, _) => TaskInterventions.RoundDeadlineTimerAsync(s, round.InstanceId, default));
        Assert.Equal(moved.DueAt, timer!.DueAt);
    }

    private static async Task<BusHarness> RenewalWithOnlySnAnsweringAsync()
    {
        var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));
        await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = Agreement }, "renewal-" + Agreement);
        return bus;
    }

    private static OneBoardAnswers Answers(BusHarness bus) => new(new BoardResponder(bus.Calendar, BusHarness.Stockholm), "sn");

    private static TaskInterventions Interventions(BusHarness bus) => bus.Services.GetRequiredService<TaskInterventions>();

    private static Task<AgreementStatusBoard> ReadAsync(BusHarness bus, LocalDate today) =>
        bus.ReadAsync((s, _) => AgreementStatusReader.ReadAsync(s, Agreement, today, BusHarness.Stockholm, default));

    private static async Task<HumanTask> OpenDecisionTaskAsync(BusHarness bus, string board) =>
        (await bus.AllTasksAsync()).Single(t => t.Status == HumanTaskStatus.Open && t.ActivityId == "recordDecision" && (string?)JsonNode.Parse(t.DataJson!)!["board"] == board);
}
