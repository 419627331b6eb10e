using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Hangfire;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Storage;
using BusFlow.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// A whole host on a port with the real clock and its real Hangfire jobs (on PostgreSQL: Hangfire.PostgreSql
/// in the same database, as several nodes run it), reached over HTTP as an integration or a signed-in
/// person's client does: the API with an administrator's personal token. Measures three-step instances
/// (start and answer over HTTP, the timer fired by the host's own job), answer latency at a fixed rate,
/// and how late the host's jobs fire timers due during the run.
/// </summary>
internal static class HttpRun
{
    private const string Account = "benchmark-administrator@busflow.invalid";
    private const string TimedDefinition = "benchmark-http";
    private const string TwoTaskDefinition = "benchmark-latency";

    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-http-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "benchmark-http.json"), TimedJson(options.TimerSeconds), ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "benchmark-latency.json"), TwoTaskJson, ct);
            await using var app = await StartQuietlyAsync(Settings(options, folder), ct);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app.Services, ct));

            var run = Guid.NewGuid().ToString("N")[..8];
            var ids = new Guid[options.Instances * 2];
            var warmUp = await LoadRound.WarmUpAsync(options.Clients, 10 * options.Instances, i => RunInstanceAsync(http, $"{run}-w{i}", i, ct));
            var single = await LoadRound.RunAsync(options.Instances, 1, async i => ids[i] = await RunInstanceAsync(http, $"{run}-s{i}", i, ct));
            var concurrent = await LoadRound.RunAsync(options.Instances, options.Clients, async i => ids[options.Instances + i] = await RunInstanceAsync(http, $"{run}-c{i}", i, ct));
            var latency = await AnswerLatencyAsync(app.Services, http, options, run, ct);
            var lateness = await TimerLatenessAsync(app.Services, ids, options, ct);
            var jobs = app.Services.GetRequiredService<JobOptions>();
            await app.StopAsync(ct);

            return new BenchmarkSection(PlatformBenchmarkOptions.Http, "Over HTTP: a host on a port, its API and its Hangfire jobs", new Dictionary<string, double>
            {
                ["instancesPerSecond"] = single.PerSecond,
                ["instanceP50Ms"] = single.P50,
                ["instanceP99Ms"] = single.P99,
                ["concurrentClients"] = options.Clients,
                ["concurrentInstancesPerSecond"] = concurrent.PerSecond,
                ["concurrentInstanceP99Ms"] = concurrent.P99,
                ["answersAsked"] = latency.Asked,
                ["answersPerSecond"] = latency.Rate,
                ["answerP50Ms"] = latency.Round.P50,
                ["answerP99Ms"] = latency.Round.P99,
                ["answerMaxMs"] = latency.Round.Max,
                ["jitMsDuringAnswers"] = latency.Round.JitMilliseconds,
                ["gcPauseMsDuringAnswers"] = latency.Round.GcPauseMilliseconds,
                ["warmUpInstances"] = warmUp.Operations,
                ["warmUpSeconds"] = warmUp.Elapsed.TotalSeconds,
                ["warmUpSettled"] = warmUp.Settled ? 1 : 0,
                ["nextTasksFound"] = latency.NextTasks,
                ["timers"] = lateness.Count,
                ["timersFired"] = lateness.Fired,
                ["timerLatenessP50Ms"] = lateness.P50,
                ["timerLatenessP99Ms"] = lateness.P99,
                ["timerLatenessMaxMs"] = lateness.Max,
                ["jobPollingSeconds"] = jobs.SchedulePollingInterval.TotalSeconds,
                ["jobWorkers"] = jobs.WorkerCount,
            },
            "An instance over HTTP: POST /api/instances, GET /api/tasks?instanceId=…, POST /api/tasks/{id}/complete with an administrator's bearer token " +
            $"(the path a client of the API takes; the answer resumes the instance inline); its {options.TimerSeconds} s timer is then fired by the host's Hangfire job on the real clock. " +
            $"Answer latency: POST …/complete of a two-task workflow sent at a fixed rate, the next task made inside the answer's transaction (checked afterwards). " +
            $"Timer lateness: fired-at minus due-at of every timer of the HTTP instances (jobs {(options.Storage.UsesPostgres() ? "on Hangfire.PostgreSql" : "in memory")}, polling every {jobs.SchedulePollingInterval.TotalSeconds:0.#} s, {jobs.WorkerCount} workers: the host's settings, appsettings.json included).");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the host; the first-administrator link it prints for people is kept off the table, since the benchmark makes its own administrator.</summary>
    private static async Task<WebApplication> StartQuietlyAsync(Dictionary<string, string?> settings, CancellationToken ct)
    {
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            return await BusFlowHost.StartAsync(BusFlowConfiguration.Load(settings), ct);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    private static Dictionary<string, string?> Settings(PlatformBenchmarkOptions options, string workflows)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = "http://127.0.0.1:0",
            ["BusFlow:Storage:Provider"] = options.Storage.Provider,
            ["BusFlow:Storage:ConnectionString"] = options.Storage.ConnectionString,
            ["BusFlow:Workflows:Folder"] = workflows,
            ["BusFlow:Jobs:Storage"] = options.Storage.UsesPostgres() ? "PostgreSql" : "InMemory",
            ["BusFlow:Mail:Mode"] = "Folder",
            ["BusFlow:Mail:Folder"] = Path.Combine(workflows, "mail"),
            ["BusFlow:Links:Key"] = Convert.ToBase64String([.. options.LinkKey]),
            // Mail is written to the outbox as a server does; its delivery is measured on its own.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Hangfire"] = "Error",
        };
        if (options.TemplatesFolder is { } templates)
        {
            settings["BusFlow:Notifications:Templates"] = templates;
        }

        if (options.JobPolling is { } polling)
        {
            settings["BusFlow:Jobs:SchedulePollingInterval"] = polling.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static async Task<string> TokenAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        await accounts.EnsureRolesAsync();
        var user = await accounts.FindAsync(Account);
        if (user is null)
        {
            var errors = await accounts.AddAsync(Account, "Benchmark", Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), [AccountRoles.Administrator]);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The benchmark's account could not be made: " + string.Join(" ", errors));
            }

            user = await accounts.FindAsync(Account);
        }

        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenIssuer>().CreateAsync(user!.Id, "benchmark", 1, [ApiTokenScopes.Write], ct);
        return secret;
    }

    private static async Task<Guid> RunInstanceAsync(HttpClient http, string key, int n, CancellationToken ct)
    {
        using var started = await http.PostAsJsonAsync("/api/instances", new { definitionId = TimedDefinition, input = new { n }, correlationKey = key }, ct);
        var instanceId = (await Expect(started, ct))["id"]!.GetValue<Guid>();
        var tasks = await http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instanceId}&status=Open", ct);
        var taskId = tasks![0]!["id"]!.GetValue<Guid>();
        using var answered = await http.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }, ct);
        await Expect(answered, ct);
        return instanceId;
    }

    private static async Task<JsonObject> Expect(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode && JsonNode.Parse(body) is JsonObject json
            ? json
            : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// Answers sent at a fixed rate whatever the earlier ones take (an open loop, as people do), to
    /// instances started beforehand in-process; each answer's POST is timed.
    /// </summary>
    private static async Task<(int Asked, double Rate, LoadRound Round, int NextTasks)> AnswerLatencyAsync(
        IServiceProvider services, HttpClient http, PlatformBenchmarkOptions options, string run, CancellationToken ct)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        var count = Math.Max(1, (int)(options.AnswersPerSecond * options.LatencySeconds));
        var instanceIds = new Guid[count];
        var taskIds = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            instanceIds[i] = (await runtime.StartAsync(new StartRequest(TwoTaskDefinition, new() { ["n"] = i }, CorrelationKey: $"{run}-l{i}"), ct)).Instance.Id;
            await using var session = await store.BeginAsync(ct);
            taskIds[i] = (await session.ListTasksAsync(new TaskQuery(InstanceId: instanceIds[i], Status: HumanTaskStatus.Open), ct))[0].Id;
        }

        var latencies = new double[count];
        var before = ProcessWork.Now();
        var interval = TimeSpan.FromSeconds(1 / options.AnswersPerSecond);
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>(count);
        var sending = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }

            var index = i;
            sent.Add(Task.Run(async () =>
            {
                var single = Stopwatch.StartNew();
                using var answered = await http.PostAsJsonAsync($"/api/tasks/{taskIds[index]}/complete", new { outcome = "approve" }, ct);
                await Expect(answered, ct);
                latencies[index] = single.Elapsed.TotalMilliseconds;
            }, ct));
            sending = clock.Elapsed;
        }

        await Task.WhenAll(sent);
        var elapsed = clock.Elapsed;
        var work = ProcessWork.Now() - before;
        var nextTasks = 0;
        await using (var session = await store.BeginAsync(ct))
        {
            foreach (var id in instanceIds)
            {
                nextTasks += (await session.ListTasksAsync(new TaskQuery(InstanceId: id, Status: HumanTaskStatus.Open), ct)).Count(t => t.ActivityId == "confirm");
            }
        }

        Array.Sort(latencies);
        return (count, count <= 1 ? count : (count - 1) / sending.TotalSeconds, new LoadRound(count, elapsed, latencies, work), nextTasks);
    }

    /// <summary>Waits until every timer of the instances has fired (or long past the last due time plus the polling), then reads how late each fired.</summary>
    private static async Task<(int Count, int Fired, double P50, double P99, double Max)> TimerLatenessAsync(
        IServiceProvider services, Guid[] instanceIds, PlatformBenchmarkOptions options, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.TimerSeconds) + 3 * options.EffectiveJobPolling + TimeSpan.FromSeconds(60);
        List<(Instant DueAt, Instant? FiredAt)> timers;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            timers = [.. (await db.Timers.AsNoTracking().Where(t => instanceIds.Contains(t.InstanceId)).Select(t => new { t.DueAt, t.FiredAt }).ToListAsync(ct)).Select(t => (t.DueAt, t.FiredAt))];
            if (timers.All(t => t.FiredAt is not null) || deadline.Elapsed > limit)
            {
                break;
            }

            await Task.Delay(250, ct);
        }

        var lateness = timers.Where(t => t.FiredAt is not null).Select(t => Math.Max(0, (t.FiredAt!.Value - t.DueAt).TotalMilliseconds)).Order().ToArray();
        return (timers.Count, lateness.Length, WorkflowBenchmark.Percentile(lateness, 0.50), WorkflowBenchmark.Percentile(lateness, 0.99), lateness.Length == 0 ? 0 : lateness[^1]);
    }

    /// <summary>The engine benchmark's definition under its own id, with a timer of seconds instead of an hour.</summary>
    private static string TimedJson(int seconds) => WorkflowBenchmark.DefinitionJson
        .Replace("\"id\": \"benchmark\"", $"\"id\": \"{TimedDefinition}\"", StringComparison.Ordinal)
        .Replace("\"PT1H\"", $"\"PT{seconds}S\"", StringComparison.Ordinal);

    private const string TwoTaskJson = """
        {
          "id": "benchmark-latency",
          "version": 1,
          "name": "Benchmark of answer latency: a task, then the next",
          "inputs": [ { "name": "n", "type": "integer", "required": true } ],
          "variables": [ { "name": "answer", "type": "object" }, { "name": "confirmed", "type": "object" } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Task", "id": "approve", "assignee": "chair-{{ input.n }}@kommun.test", "title": "Godkänn {{ input.n }}", "outcomes": ["approve", "reject"], "output": "answer" },
            { "type": "Task", "id": "confirm", "assignee": "secretary-{{ input.n }}@kommun.test", "title": "Bekräfta {{ input.n }}", "outcomes": ["done"], "output": "confirmed" }
          ] }
        }
        """;
}
