using System.Text.Json.Nodes;
using BusFlow.Bus.Simulation;
using BusFlow.Bus.Status;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using BusFlow.Testing;
using BusFlow.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// The demo on a virtual clock from 5 January 2026, its renewal run by the simulator with only SN's
/// secretary ever recording a decision. <see cref="ArrangeAsync"/> brings it to 28 April 2026: SN has
/// approved, KUN's secretary was reminded twice before her task was given a later due date on 22 April,
/// and BUN's reminders ran out into an escalation.
/// </summary>
public sealed class StatusBoardHost : IAsyncDisposable
{
    public const string AgreementId = "bus-2023-2026";
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
    public static readonly LocalDate ArrangedDay = new(2026, 4, 28);

    private readonly TestDatabase _database;

    private StatusBoardHost(TestDatabase database, RunningHost host, VirtualClock clock)
    {
        _database = database;
        Host = host;
        Clock = clock;
    }

    public RunningHost Host { get; }

    public VirtualClock Clock { get; }

    public IWorkflowStore Store => Host.Services.GetRequiredService<IWorkflowStore>();

    public static async Task<StatusBoardHost> StartAsync()
    {
        var database = SqliteTestDatabase.Create();
        var clock = new VirtualClock(new LocalDateTime(2026, 1, 5, 9, 0).InZoneStrictly(Stockholm).ToInstant());
        var host = await RunningHost.StartAsync(database, Path.Combine(RepositoryRoot.Path, "workflows"),
            new Dictionary<string, string?> { ["BusFlow:Demo:SeedOnFirstStart"] = "true", ["BusFlow:SignIn:AttemptsPerMinute"] = "1000" }, clock);
        return new StatusBoardHost(database, host, clock);
    }

    public async Task ArrangeAsync()
    {
        await RunUntilAsync(new LocalDateTime(2026, 4, 22, 12, 0));
        var kun = await OpenDecisionTaskAsync("kun");
        var extended = await Host.Services.GetRequiredService<TaskInterventions>()
            .ExtendAsync(AgreementId, kun.Id, new LocalDate(2026, 5, 28), "KUN:s sammanträde flyttas till maj.", "admin@busflow.test", default);
        if (extended != InterventionOutcome.Done)
        {
            throw new InvalidOperationException($"KUN's task could not be extended: {extended}.");
        }

        await RunUntilAsync(ArrangedDay.At(new LocalTime(12, 0)));
    }

    public Task RunUntilAsync(LocalDateTime until)
    {
        var services = Host.Services;
        var people = new OneBoardAnswers(new BoardResponder(services.GetRequiredService<IWorkingDayCalendar>(), Stockholm), "sn");
        return new WorkflowSimulator(services.GetRequiredService<WorkflowRuntime>(), Store, Clock)
            .RunUntilAsync(until.InZoneStrictly(Stockholm).ToInstant(), people);
    }

    public async Task<HumanTask> OpenDecisionTaskAsync(string board)
    {
        await using var session = await Store.BeginAsync();
        var open = await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, Take: int.MaxValue), default);
        return open.Single(t => t.ActivityId == "recordDecision" && (string?)JsonNode.Parse(t.DataJson!)!["board"] == board);
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId)
    {
        await using var session = await Store.BeginAsync();
        return await session.ListJournalAsync(instanceId, default);
    }

    public async ValueTask DisposeAsync() => await HostTeardown.DisposeAsync(Host, _database, workflows: null);
}
