using System.Net.Http.Json;
using BusFlow.Accounts;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// The demo on a host in late November 2026, with the renewal's decision round under way, and one
/// caller of each kind: nobody, a viewer, the secretary of Socialnämnden, an administrator signed in
/// with password and TOTP, and a read-only API token of that administrator.
/// </summary>
public sealed class AuthorizationMatrixHost : IAsyncLifetime
{
    public const string ViewerEmail = "viewer@busflow.test";
    public const string AdministratorEmail = "chef@busflow.test";

    private TestDatabase? _database;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public Dictionary<Caller, SessionClient> Callers { get; } = [];

    /// <summary>A decision task of Socialnämnden (the secretary's own board) and of Barn- och ungdomsnämnden (another's).</summary>
    public TaskResponse OwnBoardTask { get; private set; } = null!;

    public TaskResponse OtherBoardTask { get; private set; } = null!;

    public Guid InstanceId { get; private set; }

    /// <summary>The head of administration's assignment on Barn- och ungdomsnämnden: another board's, for the secretary.</summary>
    public Guid OtherBoardAssignmentId { get; private set; }

    /// <summary>A stored document of a case no agreement names, shown by no task of the secretary's: for the matrix to download.</summary>
    public Guid OtherBoardDocumentId { get; } = Guid.NewGuid();

    /// <summary>A member's assignment on Barn- och ungdomsnämnden that exists only for the matrix to remove.</summary>
    public Guid SpareAssignmentId { get; private set; }

    /// <summary>The address of Socialnämnden's secretary, whose account signs in with the test password and no second factor.</summary>
    public string SecretaryEmail { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        _host = await RunningHost.StartAsync(_database, Path.Combine(RepositoryRoot.Path, "workflows"),
            new Dictionary<string, string?> { ["BusFlow:Demo:SeedOnFirstStart"] = "true", ["BusFlow:Links:RequestsPerMinute"] = "1000", ["BusFlow:SignIn:AttemptsPerMinute"] = "1000" }, clock);

        var tasks = (await Host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json))!;
        var draft = Assert.Single(tasks, t => t.ActivityId == "prepareDraft");
        using var coordinator = await Host.ClientForAsync(draft.Assignee, []);
        (await coordinator.PostAsJsonAsync($"/api/tasks/{draft.Id}/complete", new { outcome = "ready" })).EnsureSuccessStatusCode();
        await RegistrationNumbers.GiveAllAsync(Host);
        tasks = (await Host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json))!;
        OwnBoardTask = Assert.Single(tasks, t => t.ActivityId == "recordDecision" && (string?)t.Data?["board"] == DemoMunicipality.SocialBoardId);
        OtherBoardTask = Assert.Single(tasks, t => t.ActivityId == "recordDecision" && (string?)t.Data?["board"] == DemoMunicipality.ChildrenAndYouthBoardId);
        InstanceId = OtherBoardTask.InstanceId;

        var secretaryEmail = SecretaryEmail = await SecretaryOfAsync(DemoMunicipality.SocialBoardId, clock);
        (OtherBoardAssignmentId, SpareAssignmentId) = await OtherBoardAssignmentsAsync();
        await StoreDocumentAsync(clock);
        Callers[Caller.Anonymous] = new SessionClient(Host.BaseAddress);
        Callers[Caller.Viewer] = await SignedInAsync(ViewerEmail, [AccountRoles.Viewer], totp: false, withToken: true);
        Callers[Caller.SecretaryOfAnotherBoard] = await SignedInAsync(secretaryEmail, [AccountRoles.Secretary], totp: false, withToken: true);
        Callers[Caller.Administrator] = await SignedInAsync(AdministratorEmail, [AccountRoles.Administrator], totp: true, withToken: false);
        Callers[Caller.ReadOnlyToken] = new SessionClient(Host.BaseAddress, await TestAccounts.TokenForAsync(Host.Services, AdministratorEmail, [AccountRoles.Administrator], write: false));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Callers.Values)
        {
            client.Dispose();
        }

        await HostTeardown.DisposeAsync(_host, _database, workflows: null);
    }

    private async Task<string> SecretaryOfAsync(string boardId, IClock clock)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var today = clock.GetCurrentInstant().InUtc().Date;
        var secretary = await session.Facet<IBusRecords>().FindRoleHolderAsync(RoleKind.Secretary, boardId, today, CancellationToken.None);
        return secretary!.Email;
    }

    private async Task<(Guid Existing, Guid Spare)> OtherBoardAssignmentsAsync()
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var records = session.Facet<IBusRecords>();
        var board = DemoMunicipality.ChildrenAndYouthBoardId;
        var head = (await records.ListAssignmentsOnAsync(board, CancellationToken.None)).First(a => a.Role == RoleKind.HeadOfAdministration);
        var spare = new RoleAssignment { Id = Guid.NewGuid(), PersonId = head.PersonId, Role = RoleKind.Member, BoardId = board, From = new LocalDate(2031, 1, 1), Until = new LocalDate(2031, 1, 31) };
        records.Add(spare);
        await session.CommitAsync(CancellationToken.None);
        return (head.Id, spare.Id);
    }

    private async Task StoreDocumentAsync(IClock clock)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var content = "%PDF-1.7\n%%EOF\n"u8.ToArray();
        session.Facet<Engine.Documents.IDocuments>().Add(new Engine.Documents.StoredDocument
        {
            Id = OtherBoardDocumentId,
            CaseKey = $"matrix/{OtherBoardDocumentId}",
            Kind = "draft-agreement",
            Version = 1,
            FileName = "matris.pdf",
            ContentType = "application/pdf",
            Size = content.Length,
            Checksum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedBy = AdministratorEmail,
            UploadedAt = clock.GetCurrentInstant(),
            Content = content,
        });
        await session.CommitAsync(CancellationToken.None);
    }

    private async Task<SessionClient> SignedInAsync(string email, IReadOnlyList<string> roles, bool totp, bool withToken) =>
        await TestSessions.SignedInAsync(Host, email, roles, totp, withToken ? await TestAccounts.TokenForAsync(Host.Services, email, roles) : null);
}

/// <summary>Who calls.</summary>
public enum Caller
{
    Anonymous,
    Viewer,
    SecretaryOfAnotherBoard,
    Administrator,
    ReadOnlyToken,
}
