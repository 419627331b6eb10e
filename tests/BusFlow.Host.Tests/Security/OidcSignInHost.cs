using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Testing.Oidc;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// BusFlow where every person signs in through the municipality's identity provider: local accounts
/// switched off, the provider's groups mapped to roles, both on real loopback ports.
/// </summary>
public sealed class OidcSignInHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;
    private TestOidcProvider? _provider;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    public async Task InitializeAsync()
    {
        // The provider first: BusFlow reads its address from the settings; BusFlow's own port is known only once it runs.
        _provider = await OrganisationProvider.StartAsync();
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Standard();
        var settings = OrganisationProvider.SettingsFor(Provider);
        settings["BusFlow:SignIn:LocalAccounts"] = "false";
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, settings);
        Provider.AllowRedirectsTo(Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await HostTeardown.DisposeAsync(_host, _database, _workflows);
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
