using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BusFlow.Accounts;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using BusFlow.Hangfire;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Storage;
using BusFlow.Web.Accounts;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Times the pages people read (the status board, the annual wheel, the instances and what is coming)
/// on a running host over real HTTP, signed in as a viewer: first with the demo municipality after a
/// simulated year and a half, then with <c>extra</c> more workflow instances in the database. The
/// clock is virtual so the demo's year passes at once; the database, the host and the requests are real.
/// </summary>
public static partial class ViewBenchmark
{
    public const string AgreementId = "bus-2023-2026";
    private const string Account = "benchmark-viewer@busflow.invalid";
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static async Task<IReadOnlyList<ViewStage>> RunAsync(StorageOptions storage, string workflowsFolder, int extra, int repeats, CancellationToken ct)
    {
        var clock = new VirtualClock(new LocalDateTime(2026, 1, 5, 9, 0).InZoneStrictly(Stockholm).ToInstant());
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = "http://127.0.0.1:0",
            ["BusFlow:Storage:Provider"] = storage.Provider,
            ["BusFlow:Storage:ConnectionString"] = storage.ConnectionString,
            ["BusFlow:Workflows:Folder"] = workflowsFolder,
            ["BusFlow:Jobs:Storage"] = "InMemory",
            ["BusFlow:Demo:SeedOnFirstStart"] = "true",
            ["BusFlow:Mail:Mode"] = "Folder",
            ["BusFlow:Mail:Folder"] = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-mail-{Guid.NewGuid():N}"),
            ["BusFlow:Links:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Mail is written to the outbox as a server does, but not delivered while pages are timed.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Hangfire"] = "Error",
        };
        await using var app = await BusFlowHost.StartAsync(BusFlowConfiguration.Load(settings), ct, clock);
        var services = app.Services;
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        var people = new BoardResponder(services.GetRequiredService<IWorkingDayCalendar>(), Stockholm);
        await new WorkflowSimulator(runtime, store, clock).RunUntilAsync(new LocalDateTime(2027, 5, 3, 12, 0).InZoneStrictly(Stockholm).ToInstant(), people, ct);

        await SettleAsync(services, ct);
        using var http = await SignedInAsync(services, new Uri(app.Urls.First()), ct);
        var paths = await PathsAsync(store, ct);
        var stages = new List<ViewStage> { new("the demo after a year and a half", await CountAsync(store, ct), await TimeAsync(http, paths, repeats, ct)) };
        if (extra > 0)
        {
            await AddInstancesAsync(services, runtime, store, clock, extra, ct);
            await SettleAsync(services, ct);
            stages.Add(new($"with {extra:N0} more instances", await CountAsync(store, ct), await TimeAsync(http, paths, repeats, ct)));
        }

        await app.StopAsync(ct);
        return stages;
    }

    /// <summary>The views, each with the demo's own records: its agreement, its latest instance, this year.</summary>
    private static async Task<IReadOnlyList<(string View, string Path)>> PathsAsync(IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var instance = (await session.ListInstancesAsync(new InstanceQuery(DefinitionId: "decision-round", Take: 1), ct)).FirstOrDefault()
            ?? (await session.ListInstancesAsync(new InstanceQuery(Take: 1), ct))[0];
        return
        [
            ("agreement", $"/overenskommelser/{AgreementId}"),
            ("status board", $"/overenskommelser/{AgreementId}/status"),
            ("annual wheel 2027", $"/overenskommelser/{AgreementId}/arshjul?ar=2027"),
            ("instances, first page", "/instanser"),
            ("instances of a definition", "/instanser?definition=decision-round"),
            ("instances, free text", "/instanser?text=bun"),
            ("an instance", $"/instanser/{instance.Id}"),
            ("upcoming, 4 weeks", "/kommande"),
        ];
    }

    private static async Task<IReadOnlyList<ViewTiming>> TimeAsync(HttpClient http, IReadOnlyList<(string View, string Path)> paths, int repeats, CancellationToken ct)
    {
        var timings = new List<ViewTiming>();
        foreach (var (view, path) in paths)
        {
            using (await http.GetAsync(path, ct))
            {
                // The first answer compiles the page and warms the caches; it is not counted.
            }

            var latencies = new double[repeats];
            var status = 0;
            for (var i = 0; i < repeats; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(path, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                status = (int)response.StatusCode;
            }

            Array.Sort(latencies);
            timings.Add(new ViewTiming(view, path, status, repeats, WorkflowBenchmark.Percentile(latencies, 0.50), WorkflowBenchmark.Percentile(latencies, 0.95), latencies[^1]));
        }

        return timings;
    }

    /// <summary>
    /// More instances of the engine benchmark's definition, as other collaborations' would be: half wait
    /// on a person's task, the other half were answered and wait on a timer due within the hour, so that
    /// the upcoming page has thousands of pending timers to choose from.
    /// </summary>
    private static async Task AddInstancesAsync(IServiceProvider services, WorkflowRuntime runtime, IWorkflowStore store, VirtualClock clock, int count, CancellationToken ct)
    {
        var catalog = services.GetRequiredService<Engine.Definitions.DefinitionCatalog>();
        var loaded = catalog.Loader.Load(WorkflowBenchmark.DefinitionJson, "benchmark.json");
        await catalog.PublishAsync(store, loaded.Definitions, clock.GetCurrentInstant(), ct);
        for (var i = 0; i < count; i++)
        {
            var started = await runtime.StartAsync(new StartRequest("benchmark", new() { ["n"] = i }, CorrelationKey: $"views-{i}"), ct);
            if (i % 2 == 1)
            {
                continue;
            }

            Guid taskId;
            await using (var session = await store.BeginAsync(ct))
            {
                taskId = (await session.ListTasksAsync(new TaskQuery(InstanceId: started.Instance.Id, Status: HumanTaskStatus.Open), ct))[0].Id;
            }

            await runtime.CompleteTaskAsync(taskId, "approve", null, "benchmark", ct);
        }
    }

    /// <summary>Waits until the host's jobs have run out (nothing enqueued or processing for two seconds), so that pages are timed alone.</summary>
    private static Task SettleAsync(IServiceProvider services, CancellationToken ct) =>
        JobQueue.WaitUntilQuietAsync(services, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2), ct);

    private static async Task<int> CountAsync(IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return (await session.ListInstancesAsync(new InstanceQuery(Take: int.MaxValue), ct)).Count;
    }

    /// <summary>A viewer's session, signed in through the sign-in page with a password made for this run.</summary>
    private static async Task<HttpClient> SignedInAsync(IServiceProvider services, Uri address, CancellationToken ct)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using (var scope = services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            await accounts.EnsureRolesAsync();
            var errors = await accounts.AddAsync(Account, "Benchmark", password, [AccountRoles.Viewer]);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The benchmark's account could not be made: " + string.Join(" ", errors));
            }
        }

        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await http.GetStringAsync("/konto/logga-in", ct);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("email", Account),
            KeyValuePair.Create("password", password),
            KeyValuePair.Create("__antiforgery", WebUtility.HtmlDecode(token)),
        ]);
        using var signedIn = await http.PostAsync("/konto/logga-in", content, ct);
        if (signedIn.Headers.Location?.OriginalString != "/")
        {
            http.Dispose();
            throw new InvalidOperationException($"The benchmark's viewer could not sign in: {(int)signedIn.StatusCode} {signedIn.Headers.Location}.");
        }

        return http;
    }

    [GeneratedRegex("<input[^>]*name=\"__antiforgery\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
