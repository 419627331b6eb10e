using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Cli;

/// <summary>
/// `busflow users` on a SQLite file that a running host also serves, so that what the command did can
/// be tried the way a person does: by signing in through the pages.
/// </summary>
public sealed class UsersCommandHostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The settings the command runs with: the host's database.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create();
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?> { ["BusFlow:SignIn:AttemptsPerMinute"] = "1000" });
        Settings["BusFlow:Storage:Provider"] = _database.Provider;
        Settings["BusFlow:Storage:ConnectionString"] = _database.ConnectionString;
        Settings["BusFlow:Workflows:Folder"] = _workflows.Folder;
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows);

    /// <summary>Runs `busflow users …` with <paramref name="input"/> as its standard input.</summary>
    public Task<CliRun> UsersAsync(string input, params string[] args) => CliRun.RunAsync(["users", .. args], Settings, input);

    /// <summary>Whether the address and password sign in through the sign-in page (a redirect to the start page).</summary>
    public async Task<bool> SignsInAsync(string email, string password)
    {
        using var browser = new SessionClient(Host.BaseAddress);
        var response = await browser.SignInAsync(email, password);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"sign-in answered {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/";
    }

    /// <summary>The account as stored, or null.</summary>
    public async Task<BusFlowUser?> StoredAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<BusFlowUser>>().FindByEmailAsync(email);
    }

    public async Task<IList<string>> RolesOfAsync(BusFlowUser user)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<BusFlowUser>>().GetRolesAsync(user);
    }
}
