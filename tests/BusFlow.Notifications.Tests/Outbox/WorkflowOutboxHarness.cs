using System.Text.Json.Nodes;
using BusFlow.Engine;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Outbox;

/// <summary>The engine with the SendEmail activity on a throwaway database, optionally with a store whose commits fail.</summary>
public sealed class WorkflowOutboxHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 8, 0);

    private WorkflowOutboxHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();
    public FailingCommits Commits => Services.GetRequiredService<FailingCommits>();

    /// <summary>The harness's clock, at <see cref="Start"/> until a test moves it.</summary>
    public FakeClock Clock => (FakeClock)Services.GetRequiredService<IClock>();

    public static async Task<WorkflowOutboxHarness> StartAsync(IMessageTemplates? templates = null, string provider = "Sqlite")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices(s =>
        {
            s.AddLogging().AddSingleton<IClock>(new FakeClock(Start));
            if (templates is not null)
            {
                s.AddSingleton(templates);
            }

            // The runtime's store: the real one, whose commits fail on demand.
            var real = s.Single(d => d.ServiceType == typeof(IWorkflowStore));
            s.Remove(real);
            s.AddSingleton<FailingCommits>();
            s.AddSingleton<EfWorkflowStore>();
            s.AddSingleton<IWorkflowStore>(sp => new CommitFailingStore(sp.GetRequiredService<EfWorkflowStore>(), sp.GetRequiredService<FailingCommits>()));
            s.AddBusFlowEngine();
            s.AddSingleton(LinkKey.Generate());
            s.AddBusFlowNotifications();
        });
        await BusFlowDatabase.MigrateAsync(services);
        return new WorkflowOutboxHarness(database, services);
    }

    public DefinitionLoader Loader => Services.GetRequiredService<DefinitionLoader>();

    public async Task PublishAsync(string json)
    {
        var result = Loader.Load(json, "test.json");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        await Services.GetRequiredService<DefinitionCatalog>().PublishAsync(Store, result.Definitions, Start, CancellationToken.None);
    }

    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null) =>
        (await Runtime.StartAsync(new StartRequest(definitionId, input))).Instance;

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var session = await Store.BeginAsync();
        return await session.Facet<IOutbox>().ListAsync(new OutboxQuery(), default);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();

    /// <summary>Whether the next commits fail (as a lost connection would) before reaching the database.</summary>
    public sealed class FailingCommits
    {
        public bool Enabled { get; set; }
    }

    private sealed class CommitFailingStore(IWorkflowStore inner, FailingCommits failing) : IWorkflowStore
    {
        public async Task<IWorkflowSession> BeginAsync(CancellationToken cancellationToken = default) =>
            new Session(await inner.BeginAsync(cancellationToken), failing);

        private sealed class Session(IWorkflowSession inner, FailingCommits failing) : IWorkflowSession
        {
            public Task<PublishedDefinition?> FindDefinitionAsync(string definitionId, int version, CancellationToken ct) => inner.FindDefinitionAsync(definitionId, version, ct);
            public Task<PublishedDefinition?> FindLatestDefinitionAsync(string definitionId, CancellationToken ct) => inner.FindLatestDefinitionAsync(definitionId, ct);
            public Task<int?> FindLatestDefinitionVersionAsync(string definitionId, CancellationToken ct) => inner.FindLatestDefinitionVersionAsync(definitionId, ct);
            public Task<IReadOnlyList<PublishedDefinition>> ListLatestDefinitionsAsync(CancellationToken ct) => inner.ListLatestDefinitionsAsync(ct);
            public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct) => inner.FindInstanceAsync(instanceId, ct);
            public Task<WorkflowInstance?> FindInstanceByCorrelationKeyAsync(string definitionId, string correlationKey, CancellationToken ct) => inner.FindInstanceByCorrelationKeyAsync(definitionId, correlationKey, ct);

            public Task<(int? LatestVersion, WorkflowInstance? Instance)> FindLatestVersionAndCorrelatedInstanceAsync(string definitionId, string correlationKey, CancellationToken ct) =>
                inner.FindLatestVersionAndCorrelatedInstanceAsync(definitionId, correlationKey, ct);
            public Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct) => inner.ListInstancesAsync(query, ct);
            public Task<int> CountInstancesAsync(InstanceQuery query, CancellationToken ct) => inner.CountInstancesAsync(query, ct);
            public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct) => inner.FindBookmarkAsync(bookmarkId, ct);
            public Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken ct) => inner.ListBookmarksAsync(instanceId, ct);
            public Task<DurableTimer?> FindTimerAsync(Guid timerId, CancellationToken ct) => inner.FindTimerAsync(timerId, ct);
            public Task<DurableTimer?> FindTimerWithInstanceAsync(Guid timerId, CancellationToken ct) => inner.FindTimerWithInstanceAsync(timerId, ct);
            public Task<DurableTimer?> FindPendingTimerByBookmarkAsync(Guid bookmarkId, CancellationToken ct) => inner.FindPendingTimerByBookmarkAsync(bookmarkId, ct);
            public Task<IReadOnlyList<DurableTimer>> ListDueTimersAsync(Instant dueBy, int max, CancellationToken ct) => inner.ListDueTimersAsync(dueBy, max, ct);
            public Task<Guid?> ClaimDueTimerAsync(Instant dueBy, CancellationToken ct) => inner.ClaimDueTimerAsync(dueBy, ct);
            public Task<DurableTimer?> FindNextPendingTimerAsync(CancellationToken ct) => inner.FindNextPendingTimerAsync(ct);
            public Task<IReadOnlyList<DurableTimer>> ListPendingTimersAsync(CancellationToken ct) => inner.ListPendingTimersAsync(ct);
            public Task<int> CountDueTimersAsync(Instant dueBy, CancellationToken ct) => inner.CountDueTimersAsync(dueBy, ct);
            public Task<IReadOnlyList<DurableTimer>> ListTimersAsync(Guid instanceId, CancellationToken ct) => inner.ListTimersAsync(instanceId, ct);
            public Task<IReadOnlyList<DurableTimer>> ListPendingRemindersAsync(Guid taskId, CancellationToken ct) => inner.ListPendingRemindersAsync(taskId, ct);
            public Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken ct) => inner.FindTaskAsync(taskId, ct);
            public Task<HumanTask?> FindTaskWithInstanceAsync(Guid taskId, CancellationToken ct) => inner.FindTaskWithInstanceAsync(taskId, ct);
            public Task<HumanTask?> FindOpenTaskByBookmarkAsync(Guid bookmarkId, CancellationToken ct) => inner.FindOpenTaskByBookmarkAsync(bookmarkId, ct);
            public Task<IReadOnlyList<HumanTask>> ListTasksAsync(TaskQuery query, CancellationToken ct) => inner.ListTasksAsync(query, ct);
            public Task<IReadOnlyList<JournalEntry>> ListJournalAsync(Guid instanceId, CancellationToken ct) => inner.ListJournalAsync(instanceId, ct);
            public void Add(PublishedDefinition definition) => inner.Add(definition);
            public void Add(WorkflowInstance instance) => inner.Add(instance);
            public void Add(Bookmark bookmark) => inner.Add(bookmark);
            public void Add(DurableTimer timer) => inner.Add(timer);
            public void Add(HumanTask task) => inner.Add(task);
            public void Add(JournalEntry entry) => inner.Add(entry);
            public void Remove(Bookmark bookmark) => inner.Remove(bookmark);

            public T Facet<T>()
                where T : class => inner.Facet<T>();

            public Task CommitAsync(CancellationToken ct) =>
                failing.Enabled ? throw new IOException("The connection to the database was lost before the commit.") : inner.CommitAsync(ct);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
