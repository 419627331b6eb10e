using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>
/// A host on a SQLite file with the standard test definitions, on a clock that stands still until a
/// test moves it (so the time of a token's expiry or of an audit line is known exactly); sign-in is not
/// rate-limited here, as the tests sign in more often than a person would.
/// </summary>
public sealed class AccountsHostFixture : IAsyncLifetime
{
    public static readonly Instant Start = Instant.FromUtc(2026, 5, 4, 7, 30);

    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public FakeClock Clock { get; } = new(Start);

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Signed in as the administrator, by a token that may write.</summary>
    public HttpClient Administrator => Host.Client;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Standard();
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?> { ["BusFlow:SignIn:AttemptsPerMinute"] = "1000" }, Clock);
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows);

    /// <summary>A person signed in through the pages with her password (no second factor).</summary>
    public Task<SessionClient> SessionAsync(string email, IReadOnlyList<string> roles) =>
        TestSessions.SignedInAsync(Host, email, roles, totp: false);

    /// <summary>POST /api/tokens from <paramref name="session"/>; asserts a 201 and returns its answer.</summary>
    public static async Task<CreatedTokenResponse> MakeTokenAsync(SessionClient session, string name, int days = 30, string scope = "write")
    {
        using var response = await session.Http.PostAsJsonAsync("/api/tokens", new { name, days, scopes = new[] { scope } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CreatedTokenResponse>();
    }

    public HttpClient ClientWith(string token) => TestAccounts.ClientWith(Host.BaseAddress, token);

    /// <summary>The audit log's lines of an action, newest first, as an administrator reads them.</summary>
    public async Task<List<AuditLineResponse>> AuditAsync(string action, string? actor = null)
    {
        var query = $"/api/audit?action={Uri.EscapeDataString(action)}" + (actor is null ? "" : $"&actor={Uri.EscapeDataString(actor)}");
        return (await Administrator.GetFromJsonAsync<List<AuditLineResponse>>(query, RunningHost.Json))!;
    }

    /// <summary>Starts a "guarded" instance that waits on a task, as the administrator.</summary>
    public async Task<InstanceDetail> StartWaitingInstanceAsync()
    {
        using var response = await Administrator.PostAsJsonAsync("/api/instances", new { definitionId = "guarded", input = new JsonObject { ["fail"] = false } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<InstanceDetail>();
    }
}
