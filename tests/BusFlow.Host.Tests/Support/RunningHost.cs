using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Host.Api;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Testing;
using Microsoft.AspNetCore.Builder;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// The real host on Kestrel at a free loopback port, on a test database and a folder of test
/// definitions, with an HttpClient pointed at it.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly WebApplication _app;

    private RunningHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client signed in as an administrator, by a personal API token that may write.</summary>
    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    /// <summary>A client that signs in as <paramref name="email"/> (the account made with <paramref name="roles"/> if it is new).</summary>
    public async Task<HttpClient> ClientForAsync(string email, IReadOnlyList<string> roles, bool write = true) =>
        TestAccounts.ClientWith(BaseAddress, await TestAccounts.TokenForAsync(Services, email, roles, write));

    /// <summary>A client that signs in as nobody.</summary>
    public HttpClient AnonymousClient() => TestAccounts.ClientWith(BaseAddress, null);

    /// <summary>One link key for the test run, as every node of one installation shares one.</summary>
    public static string LinkKeyForTests { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public IServiceProvider Services => _app.Services;

    /// <summary>The settings a test host runs on; <paramref name="extra"/> adds to or overrides them.</summary>
    public static Dictionary<string, string?> Settings(TestDatabase database, string workflowsFolder, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = "http://127.0.0.1:0",
            ["BusFlow:Storage:Provider"] = database.Provider,
            ["BusFlow:Storage:ConnectionString"] = database.ConnectionString,
            ["BusFlow:Workflows:Folder"] = workflowsFolder,
            ["BusFlow:Jobs:Storage"] = "InMemory",
            ["BusFlow:Jobs:SchedulePollingInterval"] = "00:00:01",
            ["BusFlow:Jobs:WorkerCount"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
            ["BusFlow:Demo:SeedOnFirstStart"] = "false",
            ["BusFlow:Links:Key"] = LinkKeyForTests,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<RunningHost> StartAsync(TestDatabase database, string workflowsFolder, IReadOnlyDictionary<string, string?>? extra = null, NodaTime.IClock? clock = null)
    {
        var app = await BusFlowHost.StartAsync(BusFlowConfiguration.Load(Settings(database, workflowsFolder, extra)), clock: clock);
        var token = await TestAccounts.TokenForAsync(app.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator);
        return new RunningHost(app, TestAccounts.ClientWith(new Uri(app.Urls.First()), token));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}

/// <summary>Reading API answers in tests.</summary>
public static class ApiResponses
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(RunningHost.Json)
        ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without a body.");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
