using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>
/// The demo municipality in late November 2026, its renewal under way: the coordinator has
/// presented the draft of the next agreement, so each party board has a decision to record, and the
/// secretary of Kultur- och utbildningsnämnden has recorded the board's approval.
/// </summary>
public sealed class AgreementJournalHostFixture : IAsyncLifetime
{
    public const string Predecessor = DemoMunicipality.AgreementId;
    public const string Draft = "bus-2027-2030";
    public const string Paragraph = "§ 42";

    /// <summary>Swedish text with a comma, quotes and a line break, which the CSV must carry intact.</summary>
    public const string Comment = "Bifall, med tillägget att \"Elev-BUS\" hörs före beslut\noch att uppföljningen sker i maj.";

    /// <summary>
    /// The demo, and no timer fired while the tests read: the journal is compared line by line across
    /// reads, and a reminder falling due in between (the clock jumps to the meeting) would add lines.
    /// </summary>
    private static readonly Dictionary<string, string?> DemoOn = new()
    {
        ["BusFlow:Demo:SeedOnFirstStart"] = "true",
        ["BusFlow:Jobs:SchedulePollingInterval"] = "01:00:00",
        ["BusFlow:Jobs:SweepCron"] = "0 0 1 1 *",
    };

    private TestDatabase? _database;
    private RunningHost? _host;
    private TaskResponse? _decided;

    public HttpClient Client => (_host ?? throw new InvalidOperationException("The host has not started.")).Client;

    /// <summary>Kultur- och utbildningsnämnden's decision task, as its secretary (the assignee) answered it.</summary>
    public TaskResponse Decided => _decided ?? throw new InvalidOperationException("No decision has been recorded.");

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        // Mid-November: KUN's meeting on 26 November is still ahead of its notice day (21 November), so the round puts the matter on it.
        var lateNovember2026 = new FakeClock(Instant.FromUtc(2026, 11, 16, 9, 0));
        _host = await RunningHost.StartAsync(_database, Path.Combine(RepositoryRoot.Path, "workflows"), DemoOn, lateNovember2026);

        var draft = Assert.Single(await OpenTasksAsync(), t => t.ActivityId == "prepareDraft");
        await CompleteAsync(draft, new { outcome = "ready" });
        await RegistrationNumbers.GiveAllAsync(_host);

        var decision = Assert.Single(await OpenTasksAsync(),
            t => t.ActivityId == "recordDecision" && (string?)t.Data?["board"] == DemoMunicipality.CultureAndEducationBoardId);
        var meetingDate = (string?)decision.Data?["meetingDate"];

        // A decision is recorded once its meeting has been held: the board meets on 26 November at 17:00.
        Assert.Equal("2026-11-26", meetingDate);
        lateNovember2026.Reset(Instant.FromUtc(2026, 11, 26, 18, 0));
        _decided = await CompleteAsync(decision, new
        {
            outcome = "approve",
            comment = Comment,
            data = new JsonObject { ["decisionDate"] = meetingDate, ["paragraph"] = Paragraph },
        });
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, workflows: null);

    private async Task<List<TaskResponse>> OpenTasksAsync() =>
        (await Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json))!;

    /// <summary>Answers a task as its assignee.</summary>
    private async Task<TaskResponse> CompleteAsync(TaskResponse task, object answer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/complete") { Content = JsonContent.Create(answer) };
        using var assignee = await _host!.ClientForAsync(task.Assignee, []);
        var response = await assignee.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Completing {task.Title}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<TaskResponse>();
    }
}

[CollectionDefinition(Name)]
public sealed class AgreementJournalHostCollection : ICollectionFixture<AgreementJournalHostFixture>
{
    public const string Name = "Agreement journal host";
}
