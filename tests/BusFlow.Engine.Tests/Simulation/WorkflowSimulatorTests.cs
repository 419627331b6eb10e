using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Simulation;

public sealed class WorkflowSimulatorTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(new LocalDateTime(2027, 1, 1, 0, 0));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_four_year_mandate_with_a_yearly_timer_and_task_runs_to_completion_on_the_virtual_clock()
    {
        // Each year of the mandate: wait for the spring review day (6 March at 08:00, moved off
        // weekends), then ask the chair for the year's report and wait for the answer.
        await _engine.PublishAsync(Workflows.Definition("mandate", """
            { "type": "ForEach", "id": "years", "items": [2027, 2028, 2029, 2030], "as": "year",
              "body": { "type": "Sequence", "id": "year", "activities": [
                { "type": "WaitUntil", "id": "spring", "date": "{{ var.year }}-03-06", "time": "08:00", "nextWorkingDay": true },
                { "type": "Task", "id": "report", "assignee": "ordforande@kommun.test", "title": "Årsrapport {{ var.year }}", "outcomes": ["submitted"], "due": { "ref": "today", "plus": "P14D" } } ] } }
            """));
        var instance = await _engine.StartAsync("mandate");
        var simulator = new WorkflowSimulator(_engine.Runtime, _engine.Store, _engine.Clock);
        var responder = new WorkingDayResponder(_engine.Calendar, EngineHarness.Stockholm, workingDays: 3);

        var steps = await simulator.RunUntilAsync(Instant.FromUtc(2031, 2, 1, 0, 0), responder);

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Equal(8, steps);
        var tasks = await _engine.TasksAsync(instance.Id, status: null);
        Assert.Equal(["Årsrapport 2027", "Årsrapport 2028", "Årsrapport 2029", "Årsrapport 2030"], tasks.Select(t => t.Title));
        // The spring timers fired at 08:00 local time (winter time) on 6 March, or the Monday after
        // when 6 March was a Saturday (2027).
        var journal = await _engine.JournalAsync(instance.Id);
        var fired = journal.Where(j => j.Kind == JournalKind.TimerFired).Select(j => EngineHarness.Local(j.At)).ToList();
        Assert.Equal(
            [new LocalDateTime(2027, 3, 8, 8, 0), new LocalDateTime(2028, 3, 6, 8, 0), new LocalDateTime(2029, 3, 6, 8, 0), new LocalDateTime(2030, 3, 6, 8, 0)],
            fired);
        // Answers come three working days later at 10:00.
        Assert.All(tasks, t => Assert.Equal(10, EngineHarness.Local(t.ClosedAt!.Value).Hour));
    }

    [Fact]
    public async Task A_person_who_never_answers_leaves_the_instance_waiting_at_the_end_of_the_simulation()
    {
        await _engine.PublishAsync(Workflows.Definition("ignored", """
            { "type": "Task", "id": "ask", "assignee": "silent@kommun.test", "title": "Answer", "outcomes": ["ok"] }
            """));
        var instance = await _engine.StartAsync("ignored");
        var simulator = new WorkflowSimulator(_engine.Runtime, _engine.Store, _engine.Clock);
        var until = Instant.FromUtc(2027, 6, 1, 0, 0);

        await simulator.RunUntilAsync(until, new WorkingDayResponder(_engine.Calendar, EngineHarness.Stockholm, 1, _ => null));

        Assert.Equal(InstanceStatus.Waiting, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Equal(until, _engine.Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task A_recurring_job_runs_at_each_of_its_moments_after_the_timers_of_the_same_moment()
    {
        await _engine.PublishAsync(Workflows.Definition("monday", """
            { "type": "WaitUntil", "id": "monday", "date": "2027-01-04", "time": "08:00" }
            """));
        var instance = await _engine.StartAsync("monday");
        var job = new WeeklyJob(_engine, instance.Id);
        var simulator = new WorkflowSimulator(_engine.Runtime, _engine.Store, _engine.Clock, [job]);

        await simulator.RunUntilAsync(Instant.FromUtc(2027, 1, 20, 0, 0), responder: null);

        // Mondays at 08:00 Stockholm time (07:00 UTC); on 4 January the workflow's timer of the same moment has fired first.
        Assert.Equal(
            [(new LocalDateTime(2027, 1, 4, 8, 0), InstanceStatus.Completed), (new LocalDateTime(2027, 1, 11, 8, 0), InstanceStatus.Completed), (new LocalDateTime(2027, 1, 18, 8, 0), InstanceStatus.Completed)],
            job.Runs);
    }

    /// <summary>Runs every Monday at 08:00 local time and notes when, and how the instance stood then.</summary>
    private sealed class WeeklyJob(EngineHarness engine, Guid instanceId) : ISimulatedJob
    {
        public List<(LocalDateTime At, InstanceStatus Status)> Runs { get; } = [];

        public Instant NextAfter(Instant now)
        {
            var local = EngineHarness.Local(now);
            var monday = local.Date.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday)).At(new LocalTime(8, 0));
            var next = monday > local ? monday : monday.PlusWeeks(1);
            return next.InZoneStrictly(EngineHarness.Stockholm).ToInstant();
        }

        public async Task RunAsync(CancellationToken ct) =>
            Runs.Add((EngineHarness.Local(engine.Clock.GetCurrentInstant()), (await engine.InstanceAsync(instanceId)).Status));
    }
}
