using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// The steering group's work in the spring review and the autumn planning (compiling the status,
/// recording the notes, proposing the priorities) is asked of the steering group's secretary, who is
/// reminded like a board's secretary; when she stays silent the steering group's chair and the head of
/// administration of the first party board are told.
/// </summary>
public sealed class SteeringGroupTaskTests : IAsyncLifetime
{
    private const string SteeringGroup = DemoMunicipality.SteeringGroupId;
    private const string Secretary = "lena.vikstrom@exempelby.test";

    /// <summary>The chair of the municipal executive board chairs the demo's steering group: until the end of 2026…</summary>
    private const string Chair = "birgitta.falk@exempelby.test";

    /// <summary>…and from 2027, after the election.</summary>
    private const string NextChair = "helena.borg@exempelby.test";

    /// <summary>The head of administration of the first party board, the social services board.</summary>
    private const string Head = "lars.ekwall@exempelby.test";

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 12, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task The_spring_reviews_compiling_and_notes_are_asked_of_the_steering_groups_secretary_not_of_a_boards()
    {
        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 6, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(review.Id)).Status);
        var steeringTasks = (await _bus.AllTasksAsync()).Where(t => t.ActivityId is "compileStatus" or "recordNotes").ToList();
        Assert.Equal(
            [("compileStatus", Secretary, $"{SteeringGroup}/Secretary"), ("recordNotes", Secretary, $"{SteeringGroup}/Secretary")],
            steeringTasks.Select(t => (t.ActivityId, t.Assignee, t.Role)));
    }

    [Fact]
    public async Task A_silent_steering_group_secretary_is_reminded_on_working_days_and_then_the_chair_and_the_first_boards_head_of_administration_are_told()
    {
        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 5, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm) { Silent = Secretary });

        var compile = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "compileStatus");
        Assert.Equal((HumanTaskStatus.Open, new LocalDate(2026, 4, 8)), (compile.Status, compile.DueDate));
        Assert.Equal(
            [
                // 7 and 2 working days before Wednesday 8 April, over Easter (Good Friday 3 April, Easter Monday 6 April).
                (Secretary, "reminder", new LocalDateTime(2026, 3, 26, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 4, 2, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 4, 8, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 4, 13, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 4, 16, 8, 0)),
                (Chair, "escalation", new LocalDateTime(2026, 4, 21, 8, 0)),
                (Head, "escalation", new LocalDateTime(2026, 4, 21, 8, 0)),
            ],
            await ReminderMailsAsync());
        Assert.Equal([Chair, Head], await EscalatedToAsync(review.Id));
        Assert.DoesNotContain(await _bus.AllTasksAsync(), t => t.ActivityId == "recordNotes");
    }

    [Fact]
    public async Task A_silent_secretary_of_the_autumn_priorities_is_reminded_and_then_escalated_while_the_decision_round_waits()
    {
        var planning = await _bus.StartAsync("autumn-planning", CycleInputs.Autumn2026());

        await _bus.RunUntilAsync(new LocalDateTime(2026, 11, 2, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm) { Silent = Secretary });

        var proposal = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "proposePriorities");
        Assert.Equal((Secretary, $"{SteeringGroup}/Secretary", new LocalDate(2026, 10, 13)), (proposal.Assignee, proposal.Role, proposal.DueDate));
        // Asked after the meeting of 6 October ended, so the reminder 7 working days before is already past.
        Assert.Equal(
            [
                (Secretary, "reminder", new LocalDateTime(2026, 10, 9, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 10, 13, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 10, 16, 8, 0)),
                (Secretary, "reminder", new LocalDateTime(2026, 10, 21, 8, 0)),
                (Chair, "escalation", new LocalDateTime(2026, 10, 26, 8, 0)),
                (Head, "escalation", new LocalDateTime(2026, 10, 26, 8, 0)),
            ],
            await ReminderMailsAsync());
        Assert.Equal(InstanceStatus.Waiting, (await _bus.InstanceAsync(planning.Id)).Status);
        Assert.Empty(await _bus.InstancesAsync("decision-round"));
    }

    [Fact]
    public async Task A_renewed_agreement_keeps_its_predecessors_steering_group_and_after_the_election_its_new_chair_is_told()
    {
        await _bus.PublishAsync(
            """{ "id": "draft-next", "version": 1, "name": "Utkast", "root": { "type": "DraftAgreement", "id": "draft", "predecessor": "bus-2023-2026" } }""",
            "draft-next.json");
        await _bus.StartAsync("draft-next", []);
        var successor = Assert.Single((await _bus.ReadAsync((_, r) => r.ListAgreementsAsync(default))), a => a.PredecessorId == DemoMunicipality.AgreementId);
        Assert.DoesNotContain(await _bus.ReadAsync((_, r) => r.ListBodiesAsync(default)), b => b.AgreementId == successor.Id);
        var spring = CycleInputs.Spring(2027, "2027-04-14");
        spring["agreement"] = successor.Id;
        await _bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 8, 0));

        var review = await _bus.StartAsync("spring-review", spring);
        await _bus.RunUntilAsync(new LocalDateTime(2027, 5, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm) { Silent = Secretary });

        var compile = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "compileStatus");
        Assert.Equal((Secretary, $"{SteeringGroup}/Secretary"), (compile.Assignee, compile.Role));
        Assert.Equal([NextChair, Head], await EscalatedToAsync(review.Id));
    }

    [Fact]
    public async Task A_steering_group_without_a_chair_still_escalates_to_the_first_boards_head_of_administration_and_journals_the_missing_chair()
    {
        await RemoveSteeringGroupRoleAsync(RoleKind.Chair);
        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));

        await _bus.RunUntilAsync(new LocalDateTime(2026, 5, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm) { Silent = Secretary });

        var escalated = Assert.Single(await _bus.JournalAsync(review.Id), e => e.Kind == JournalKind.TaskEscalated);
        var data = JsonNode.Parse(escalated.DataJson!)!;
        Assert.Equal([Head], data["recipients"]!.AsArray().Select(r => (string)r!["address"]!));
        Assert.Equal([$"{SteeringGroup}/Chair"], data["rolesNotHeld"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task A_steering_group_without_a_secretary_leaves_its_work_to_the_secretary_of_the_body_that_meets_and_the_cycle_goes_on()
    {
        await RemoveSteeringGroupRoleAsync(RoleKind.Secretary);

        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));
        await _bus.RunUntilAsync(new LocalDateTime(2026, 6, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(review.Id)).Status);
        var management = await _bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Secretary, CycleInputs.Body, new LocalDate(2026, 2, 1), default));
        var compile = Assert.Single(await _bus.AllTasksAsync(), t => t.ActivityId == "compileStatus");
        // Still the steering group's task: a secretary appointed later gets its reminders.
        Assert.Equal((management!.Email, $"{SteeringGroup}/Secretary"), (compile.Assignee, compile.Role));
    }

    /// <summary>Takes every assignment of the role out of the steering group, as if nobody had ever held it.</summary>
    private async Task RemoveSteeringGroupRoleAsync(RoleKind role)
    {
        await using var session = await _bus.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        foreach (var assignment in (await records.ListAssignmentsOnAsync(SteeringGroup, default)).Where(a => a.Role == role))
        {
            records.Remove(assignment);
        }

        await session.CommitAsync(CancellationToken.None);
    }

    /// <summary>Who was told when the task escalated, as the journal has it.</summary>
    private async Task<List<string>> EscalatedToAsync(Guid instanceId)
    {
        var escalated = Assert.Single(await _bus.JournalAsync(instanceId), e => e.Kind == JournalKind.TaskEscalated);
        var data = JsonNode.Parse(escalated.DataJson!)!;
        Assert.Empty(data["rolesNotHeld"]!.AsArray());
        return [.. data["recipients"]!.AsArray().Select(r => (string)r!["address"]!)];
    }

    /// <summary>The reminders and escalations in the outbox: to whom, which, and when they go out (Stockholm time).</summary>
    private async Task<List<(string To, string Kind, LocalDateTime At)>> ReminderMailsAsync() =>
        [.. (await _bus.OutboxAsync())
            .Select(m => (m.To, Kind: m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal) ? "reminder" : m.Subject.StartsWith("Obesvarad", StringComparison.Ordinal) ? "escalation" : null, At: BusHarness.Local(m.NextAttemptAt)))
            .Where(m => m.Kind is not null)
            .Select(m => (m.To, m.Kind!, m.At))
            .OrderBy(m => m.At)
            .ThenBy(m => m.To, StringComparer.Ordinal)];
}
