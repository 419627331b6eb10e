using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// A host with the shipped mail templates, an administrator and a viewer signed in through the pages. Its
/// database is its own: versions saved here change no other test's mail. Each test edits its own template.
/// </summary>
public sealed class TemplatePagesHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public static string TemplatesFolder { get; } = Path.Combine(RepositoryRoot.Path, "templates");

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public SessionClient Administrator { get; private set; } = null!;

    public SessionClient Viewer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Standard();
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?> { ["BusFlow:Notifications:Templates"] = TemplatesFolder });
        Administrator = await TestSessions.AdministratorAsync(Host);
        Viewer = await TestSessions.SignedInAsync(Host, "templates.viewer@busflow.test", [AccountRoles.Viewer], totp: false);
    }

    public async Task DisposeAsync()
    {
        Administrator?.Dispose();
        Viewer?.Dispose();
        await HostTeardown.DisposeAsync(_host, _database, _workflows);
    }
}
