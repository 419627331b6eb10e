using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// A host for the sign-in pages on a virtual clock that starts at the real time (TOTP codes are
/// computed on real time), with a generous attempt limit so the tests do not meet it by accident.
/// </summary>
public sealed class SignInHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Standard();
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?> { ["BusFlow:SignIn:AttemptsPerMinute"] = "1000" }, Clock);
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows);

    /// <summary>A new account with the given roles and no second factor; its address is unique to the test.</summary>
    public async Task<string> AccountAsync(string name, params string[] roles)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.se";
        await TestAccounts.TokenForAsync(Host.Services, email, roles);
        return email;
    }

    public SessionClient NewBrowser() => new(Host.BaseAddress);
}
