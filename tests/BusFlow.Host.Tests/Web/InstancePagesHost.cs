using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Accounts;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// A host on a pinned clock (Monday 23 November 2026, 10:00 in Stockholm) whose timer sweep never
/// runs: an approval for the chair of agreement "bus-2027" and board "sn", due 4 December, with
/// reminders from 2 December on, the first of which is made late (due an hour ago, still pending) as
/// a stopped job server leaves it; its task mail waits in the outbox, never delivered. Readiness is
/// read once before that, while nothing is late.
/// </summary>
public sealed class InstancePagesHost : IAsyncLifetime
{
    public const string Chair = "ordforande@exempelby.test";
    public const string ViewerEmail = "granskare@busflow.test";
    public const string AgreementId = "bus-2027";
    public const string BoardId = "sn";
    public const string TaskTitle = "Godkänn verksamhetsplanen 2027";

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>The late reminder was due at 09:00 Stockholm time, an hour before "now".</summary>
    public static readonly Instant LateDue = Now - Duration.FromHours(1);

    private const string PlanApproval = """
        {
          "id": "plan-approval", "version": 1, "name": "Godkännande av verksamhetsplan",
          "inputs": [ { "name": "agreement", "type": "string", "required": true }, { "name": "board", "type": "string", "required": true } ],
          "root": { "type": "Task", "id": "approve", "assignee": "ordforande@exempelby.test",
                    "title": "Godkänn verksamhetsplanen 2027", "outcomes": ["approve", "reject"], "due": "2026-12-04",
                    "reminders": { "workingDaysBefore": [2], "onDueDate": true } }
        }
        """;

    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The approval whose reminder is late.</summary>
    public Guid ApprovalId { get; private set; }

    public TaskResponse ApprovalTask { get; private set; } = null!;

    /// <summary>GET /health/ready as it answered before any timer was late.</summary>
    public (int Status, JsonElement Body) ReadinessBeforeLate { get; private set; }

    public SessionClient Administrator { get; private set; } = null!;

    public SessionClient Viewer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create(("plan-approval.json", PlanApproval), ("guarded.json", TestWorkflows.Guarded), ("approval.json", TestWorkflows.Approval));
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?>
        {
            // Late timers stay late: the sweep that would fire them never runs.
            ["BusFlow:Jobs:SweepCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
        }, new FakeClock(Now));

        await AddAgreementAndBoardAsync();
        ApprovalId = await StartAsync("plan-approval", new { agreement = AgreementId, board = BoardId });
        ApprovalTask = Assert.Single((await Host.Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={ApprovalId}&status=open", RunningHost.Json))!);
        using (var readiness = await Host.AnonymousClient().GetAsync("/health/ready"))
        {
            ReadinessBeforeLate = ((int)readiness.StatusCode, await readiness.ReadJsonAsync());
        }

        await MakeFirstReminderLateAsync();
        Administrator = await TestSessions.AdministratorAsync(Host);
        Viewer = await TestSessions.SignedInAsync(Host, ViewerEmail, [AccountRoles.Viewer], totp: false);
    }

    /// <summary>Starts an instance through the API and returns its id.</summary>
    public async Task<Guid> StartAsync(string definitionId, object input)
    {
        var started = await Host.Client.PostAsJsonAsync("/api/instances", new { definitionId, input });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.ReadAsync<InstanceDetail>()).Id;
    }

    public async Task<WorkflowInstance> InstanceAsync(Guid id)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        return (await session.FindInstanceAsync(id, CancellationToken.None))!;
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid id)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        return await session.ListJournalAsync(id, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Administrator?.Dispose();
        Viewer?.Dispose();
        await HostTeardown.DisposeAsync(_host, _database, _workflows);
    }

    private async Task AddAgreementAndBoardAsync()
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var records = session.Facet<IBusRecords>();
        records.Add(new Organization { Id = "exempelby", Name = "Exempelby kommun", Kind = OrganizationKind.Municipality });
        records.Add(new Board { Id = BoardId, OrganizationId = "exempelby", Code = "SN", Name = "Socialnämnden" });
        records.Add(new Agreement
        {
            Id = AgreementId,
            Title = "BUS 2027–2030",
            OrganizationId = "exempelby",
            PartyBoardIds = [BoardId],
            ValidFrom = new LocalDate(2027, 1, 1),
            ValidUntil = new LocalDate(2030, 12, 31),
        });
        await session.CommitAsync(CancellationToken.None);
    }

    private async Task MakeFirstReminderLateAsync()
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var reminder = (await session.ListPendingRemindersAsync(ApprovalTask.Id, CancellationToken.None))[0];
        reminder.DueAt = LateDue;
        await session.CommitAsync(CancellationToken.None);
    }
}
