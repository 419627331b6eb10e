using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Support;

/// <summary>One host on a SQLite file with the standard test definitions, shared by the API tests.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create(
            ("approval.json", TestWorkflows.Approval),
            ("guarded.json", TestWorkflows.Guarded),
            ("short-delay.json", TestWorkflows.ShortDelay),
            ("signalled.json", TestWorkflows.Signalled));
        _host = await RunningHost.StartAsync(_database, _workflows.Folder);
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows);

    /// <summary>Starts an approval and returns the instance with its open task.</summary>
    public async Task<(InstanceDetail Instance, TaskResponse Task)> StartApprovalAsync(string subject = "Budget 2027")
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "approval",
            input = new JsonObject { ["subject"] = subject, ["approver"] = "anna@example.se" },
        });
        response.EnsureSuccessStatusCode();
        var instance = await response.ReadAsync<InstanceDetail>();
        return (instance, await OpenTaskOfAsync(instance.Id));
    }

    public async Task<TaskResponse> OpenTaskOfAsync(Guid instanceId)
    {
        var tasks = await Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={instanceId}&status=open", RunningHost.Json);
        return Assert.Single(tasks!);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API host";
}
