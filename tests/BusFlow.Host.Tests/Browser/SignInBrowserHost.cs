using System.Net.Http.Json;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Testing.Oidc;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// The demo on a host in late November 2026, where people sign in with a local account and TOTP or
/// through the municipality's identity provider; the coordinator of the agreement renewal has a task
/// to prepare the draft, so her "Mina uppgifter" lists one.
/// </summary>
public sealed class SignInBrowserHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private RunningHost? _host;
    private TestOidcProvider? _provider;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    /// <summary>The open task of the draft, assigned to the coordinator.</summary>
    public TaskResponse DraftTask { get; private set; } = null!;

    public string Coordinator => DraftTask.Assignee;

    public async Task InitializeAsync()
    {
        _provider = await OrganisationProvider.StartAsync();
        _database = SqliteTestDatabase.Create();
        var settings = OrganisationProvider.SettingsFor(Provider);
        settings["BusFlow:Demo:SeedOnFirstStart"] = "true";
        // Each test signs in (and the page checks sign in wrongly too) from the same address within a minute.
        settings["BusFlow:SignIn:AttemptsPerMinute"] = "1000";
        _host = await RunningHost.StartAsync(_database, Path.Combine(RepositoryRoot.Path, "workflows"), settings,
            new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)));
        Provider.AllowRedirectsTo(Host.BaseAddress);

        var tasks = await Host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json);
        DraftTask = Assert.Single(tasks!, t => t.ActivityId == "prepareDraft");
    }

    public async Task DisposeAsync()
    {
        await HostTeardown.DisposeAsync(_host, _database, workflows: null);
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
