using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Testing.Mail;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// Several real `busflow serve` nodes on one PostgreSQL database with Hangfire's jobs there too,
/// mailing a real SMTP server (aiosmtpd), running many instances of one small workflow: an answer
/// to a task, a timer, a mail. Delivery and the timer sweep run every few seconds, so a fault shows
/// within a test's wall time. Knows which instances it started and checks them through the API.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    /// <summary>How often each node delivers the outbox (Hangfire cron with seconds).</summary>
    public static readonly TimeSpan DeliveryInterval = TimeSpan.FromSeconds(3);

    /// <summary>How long a node holds a claimed message before another may send it again.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(15);

    private readonly TestWorkflows _workflows;
    private readonly List<HostProcess> _nodes = [];
    private readonly ConcurrentDictionary<Guid, int> _instances = new();

    private FaultRun(TestDatabase database, AiosmtpdServer smtp, TestWorkflows workflows)
    {
        Database = database;
        Smtp = smtp;
        _workflows = workflows;
    }

    public TestDatabase Database { get; }

    public AiosmtpdServer Smtp { get; }

    public IReadOnlyList<HostProcess> Nodes => _nodes;

    /// <summary>The nodes not killed.</summary>
    public IReadOnlyList<HostProcess> Alive => [.. _nodes.Where(n => !n.HasExited)];

    /// <summary>The instances started so far: id → number (the number is in its mail's subject).</summary>
    public IReadOnlyDictionary<Guid, int> Instances => _instances;

    /// <summary>
    /// <paramref name="nodes"/> nodes on <paramref name="database"/>, started one after the other (the
    /// first migrates the database and installs Hangfire's schema), with the workflows "answer-timer-mail"
    /// (a task, a timer of <paramref name="delay"/>, a mail) and "mail-only" (a mail) in their folder;
    /// the SMTP server takes <paramref name="smtpPerMessage"/> over each message (default: no time).
    /// </summary>
    public static async Task<FaultRun> StartAsync(TestDatabase database, int nodes, TimeSpan delay, TimeSpan? smtpPerMessage = null)
    {
        var smtp = await AiosmtpdServer.StartAsync(perMessage: smtpPerMessage);
        var workflows = TestWorkflows.Create(
            ("answer-timer-mail.json", AnswerTimerMail(delay)),
            ("mail-only.json", MailOnlyWorkflow));
        var run = new FaultRun(database, smtp, workflows);
        for (var i = 0; i < nodes; i++)
        {
            await run.StartNodeAsync();
        }

        return run;
    }

    public async Task<HostProcess> StartNodeAsync()
    {
        var address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
        var node = await HostProcess.StartAsync(Database, _workflows.Folder, address, new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = address.ToString().TrimEnd('/'),
            ["BusFlow:Jobs:Storage"] = "PostgreSql",
            ["BusFlow:Jobs:SweepCron"] = "*/5 * * * * *",
            ["BusFlow:Jobs:WorkerCount"] = "4",
            ["BusFlow:Mail:Mode"] = "Smtp",
            ["BusFlow:Mail:Host"] = "127.0.0.1",
            ["BusFlow:Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BusFlow:Mail:Security"] = "None",
            ["BusFlow:Mail:LinkBaseUrl"] = address.ToString().TrimEnd('/'),
            ["BusFlow:Mail:DeliveryCron"] = $"*/{(int)DeliveryInterval.TotalSeconds} * * * * *",
            ["BusFlow:Mail:ClaimDuration"] = ClaimDuration.ToString(),
            ["BusFlow:Mail:Timeout"] = "00:00:10",
            // "Sent outbox message …" lines tell which node is delivering.
            ["Logging:LogLevel:BusFlow.Notifications.Delivery"] = "Information",
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts <paramref name="count"/> instances of <paramref name="definition"/>, spread over the living nodes.</summary>
    public Task StartInstancesAsync(string definition, int count) =>
        Parallel.ForEachAsync(Enumerable.Range(_instances.Count + 1, count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (n, _) =>
        {
            var started = await OnAnyLivingNodeAsync(n, client =>
                client.PostAsJsonAsync("/api/instances", new { definitionId = definition, input = new { n = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } }));
            Assert.True(started.StatusCode == HttpStatusCode.Created, $"Instance {n} did not start: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
            _instances[(await started.ReadJsonAsync()).GetProperty("id").GetGuid()] = n;
        });

    /// <summary>
    /// Answers the open task of each instance in <paramref name="instances"/>, spread over the living
    /// nodes; <paramref name="afterEach"/> runs after each answer (a test kills a node there). An
    /// answer whose node died under it is sent again to another: 200, or 409 when the first went through.
    /// </summary>
    public Task AnswerAsync(IEnumerable<Guid> instances, Func<int, Task>? afterEach = null)
    {
        var answered = 0;
        return Parallel.ForEachAsync(instances, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (instance, _) =>
        {
            var n = _instances[instance];
            var task = await OpenTaskAsync(instance);
            var response = await OnAnyLivingNodeAsync(n, client => client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "done" }));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
                $"The answer to instance {n} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (afterEach is not null)
            {
                await afterEach(Interlocked.Increment(ref answered));
            }
        });
    }

    /// <summary>Waits until every instance started here is completed; fails naming those that are not by <paramref name="within"/>.</summary>
    public async Task WaitUntilAllCompletedAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var waiting = new HashSet<Guid>(_instances.Keys);
        while (true)
        {
            foreach (var instance in waiting.ToList())
            {
                var status = await OnAnyLivingNodeAsync(_instances[instance], client => client.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}"));
                if ((string?)status!["status"] == "completed")
                {
                    waiting.Remove(instance);
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"{waiting.Count} of {_instances.Count} instances not completed within {within.TotalSeconds} s, e.g. number {_instances[waiting.First()]}.");
            await Task.Delay(1000);
        }
    }

    /// <summary>For each instance, how often each kind of journal entry was written: instance → kind → count.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyDictionary<string, int>>> JournalKindsAsync()
    {
        var kinds = new ConcurrentDictionary<int, IReadOnlyDictionary<string, int>>();
        await Parallel.ForEachAsync(_instances, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (instance, _) =>
        {
            var journal = await OnAnyLivingNodeAsync(instance.Value, client => client.GetFromJsonAsync<JsonArray>($"/api/instances/{instance.Key}/journal"));
            kinds[instance.Value] = journal!.GroupBy(j => (string?)j!["kind"] ?? "").ToDictionary(g => g.Key, g => g.Count());
        });
        return kinds;
    }

    /// <summary>Asserts that each instance's task was answered once, its timer (when it has one) fired once, and it completed once.</summary>
    public async Task AssertEachStepHappenedOnceAsync(bool withTimer)
    {
        var journals = await JournalKindsAsync();
        foreach (var (n, kinds) in journals.OrderBy(j => j.Key))
        {
            var counts = (Timers: kinds.GetValueOrDefault("timerFired"), Answers: kinds.GetValueOrDefault("taskCompleted"), Completed: kinds.GetValueOrDefault("instanceCompleted"));
            Assert.True(counts == (withTimer ? 1 : 0, withTimer ? 1 : 0, 1), $"Instance {n}: timers fired, tasks answered, completions = {counts}");
        }
    }

    /// <summary>Waits until the mail of every instance ("Klar n") has arrived at the SMTP server.</summary>
    public async Task<MailTally> WaitForEveryMailAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var tally = MailTally.Of(Smtp.Received());
            if (_instances.Values.All(n => tally.Subjects.Contains(MailSubject(n))))
            {
                return tally;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Only {_instances.Values.Count(n => tally.Subjects.Contains(MailSubject(n)))} of {_instances.Count} instances' mails arrived within {within.TotalSeconds} s.");
            await Task.Delay(250);
        }
    }

    public static string MailSubject(int n) => $"Klar {n}";

    /// <summary>
    /// The node sending mail now, once the SMTP server holds at least <paramref name="atLeast"/> mails:
    /// one whose log of sent messages grows.
    /// </summary>
    public async Task<HostProcess> DeliveringNodeAsync(int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No node was seen delivering mail ({MailsReceived} received).");
            var before = Alive.Select(SentLines).ToList();
            await Task.Delay(300);
            if (MailsReceived < atLeast)
            {
                continue;
            }

            // No lock keeps the others out: several nodes may be delivering at once; any of them will do.
            var growing = Alive.Where((node, i) => SentLines(node) > before[i]).ToList();
            if (growing.Count > 0)
            {
                return growing[0];
            }
        }
    }

    private static int SentLines(HostProcess node) => node.Output.Count(line => line.Contains("Sent outbox message", StringComparison.Ordinal));

    /// <summary>
    /// Waits for the first mail beyond the <paramref name="received"/> the server held; the time it took,
    /// or null if none came within <paramref name="within"/>.
    /// </summary>
    public async Task<TimeSpan?> TimeUntilMailResumesAsync(int received, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (MailsReceived > received)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>What the living nodes logged about locks (why a job did not run), for a failure's message.</summary>
    public string LockComplaints() =>
        string.Join(Environment.NewLine, Alive.SelectMany(n => n.Output).Where(line => line.Contains("Lock", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(3));

    /// <summary>How many mails the SMTP server holds now.</summary>
    public int MailsReceived => Smtp.Received().Count;

    /// <summary>The id of the instance's open task, once it exists.</summary>
    private async Task<Guid> OpenTaskAsync(Guid instance)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var tasks = await OnAnyLivingNodeAsync(_instances[instance], client => client.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}&status=open"));
            if (tasks!.FirstOrDefault() is { } task)
            {
                return Guid.Parse((string)task["id"]!);
            }

            Assert.True(DateTime.UtcNow < deadline, $"Instance {_instances[instance]} has no open task.");
            await Task.Delay(250);
        }
    }

    /// <summary>Sends a request to the node <paramref name="n"/> picks among the living; on a node dying under it, to the next.</summary>
    private async Task<T> OnAnyLivingNodeAsync<T>(int n, Func<HttpClient, Task<T>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var alive = Alive;
            var node = alive[(n + attempt) % alive.Count];
            try
            {
                return await request(node.Client);
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        _workflows.Dispose();
    }

    private static string AnswerTimerMail(TimeSpan delay) => $$$"""
        {
          "id": "answer-timer-mail",
          "version": 1,
          "name": "Svar, timer, post",
          "inputs": [ { "name": "n", "type": "string", "required": true } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Task", "id": "answer", "assignee": "chair@kommun.test", "title": "Svara", "outcomes": ["done"] },
            { "type": "Delay", "id": "pause", "duration": "{{{System.Xml.XmlConvert.ToString(delay)}}}" },
            { "type": "SendEmail", "id": "mail", "to": "chair@kommun.test", "urgent": true,
              "subject": "Klar {{ input.n }}", "body": "Instans {{ input.n }} är klar." }
          ] }
        }
        """;

    /// <summary>"mail-only": one urgent mail, "Klar n", to chair@kommun.test.</summary>
    public const string MailOnlyWorkflow = """
        {
          "id": "mail-only",
          "version": 1,
          "name": "Post",
          "inputs": [ { "name": "n", "type": "string", "required": true } ],
          "root": { "type": "SendEmail", "id": "mail", "to": "chair@kommun.test", "urgent": true,
                    "subject": "Klar {{ input.n }}", "body": "Instans {{ input.n }} är klar." }
        }
        """;
}
