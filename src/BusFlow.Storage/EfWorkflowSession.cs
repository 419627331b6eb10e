using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Storage.Bus;
using BusFlow.Storage.Model;
using BusFlow.Storage.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace BusFlow.Storage;

/// <summary>
/// One context and one database transaction. Queries see the session's own changes: whatever was
/// added, changed or removed is written (not committed) before each query, so that, for instance, a
/// timer created earlier in the same operation can be found and cancelled. A lost race may therefore
/// surface from a query as well as from <see cref="CommitAsync"/>.
/// </summary>
internal sealed class EfWorkflowSession : IWorkflowSession
{
    private readonly BusFlowDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly OutboxSeal? _outboxSeal;
    private readonly IOutboxCommitListener? _mailCommitted;
    private bool _committed;
    private bool _disposed;
    private EfBusRecords? _busRecords;
    private EfOutbox? _outbox;
    private EfLinkTokens? _linkTokens;
    private EfRecipientPreferences? _preferences;
    private EfDefinitionDrafts? _drafts;
    private Documents.EfDocuments? _documents;
    private readonly List<JournalEntry> _unsavedJournal = [];

    private EfWorkflowSession(BusFlowDbContext db, IDbContextTransaction transaction, OutboxSeal? outboxSeal, IOutboxCommitListener? mailCommitted)
    {
        _db = db;
        _transaction = transaction;
        _outboxSeal = outboxSeal;
        _mailCommitted = mailCommitted;
    }

    /// <summary>The session's context, for tests that need to reach beneath the port.</summary>
    internal BusFlowDbContext Context => _db;

    public static async Task<EfWorkflowSession> BeginAsync(
        IDbContextFactory<BusFlowDbContext> contextFactory, OutboxSeal? outboxSeal, IOutboxCommitListener? mailCommitted, CancellationToken ct)
    {
        var db = await contextFactory.CreateDbContextAsync(ct);
        // A failed flush ends the session (the caller retries with a new one), so savepoints
        // around each flush would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var transaction = await db.BeginSessionTransactionAsync(ct);
            return new EfWorkflowSession(db, transaction, outboxSeal, mailCommitted);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task<PublishedDefinition?> FindDefinitionAsync(string definitionId, int version, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, ct);
    }

    public async Task<PublishedDefinition?> FindLatestDefinitionAsync(string definitionId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Definitions
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<int?> FindLatestDefinitionVersionAsync(string definitionId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await HotQueries.Of(_db).LatestDefinitionVersion(_db, definitionId, ct);
    }

    public async Task<IReadOnlyList<PublishedDefinition>> ListLatestDefinitionsAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Definitions
            .Where(d => d.Version == _db.Definitions.Where(other => other.DefinitionId == d.DefinitionId).Max(other => other.Version))
            .OrderBy(d => d.DefinitionId)
            .ToListAsync(ct);
    }

    public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct) => FindByKeyAsync(_db.Instances, HotQueries.Of(_db).InstanceById, instanceId, ct);

    public async Task<WorkflowInstance?> FindInstanceByCorrelationKeyAsync(string definitionId, string correlationKey, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await HotQueries.Of(_db).InstanceByCorrelationKey(_db, definitionId, correlationKey, ct);
    }

    public async Task<(int? LatestVersion, WorkflowInstance? Instance)> FindLatestVersionAndCorrelatedInstanceAsync(
        string definitionId, string correlationKey, CancellationToken ct)
    {
        await FlushAsync(ct);
        var found = await HotQueries.Of(_db).LatestVersionWithInstance(_db, definitionId, correlationKey, ct);
        return (found?.Version, found?.Instance);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        await FlushAsync(ct);
        var instances = Filtered(query);
        var ordered = query.NewestFirst
            ? instances.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            : instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id);
        return await ordered.Skip(Math.Max(query.Skip, 0)).Take(query.Take).ToListAsync(ct);
    }

    public async Task<int> CountInstancesAsync(InstanceQuery query, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await Filtered(query).CountAsync(ct);
    }

    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct) => FindByKeyAsync(_db.Bookmarks, HotQueries.Of(_db).BookmarkById, bookmarkId, ct);

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Bookmarks
            .Where(b => b.InstanceId == instanceId)
            .OrderBy(b => b.CreatedAt)
            .ThenBy(b => b.Id)
            .ToListAsync(ct);
    }

    public Task<DurableTimer?> FindTimerAsync(Guid timerId, CancellationToken ct) => FindByKeyAsync(_db.Timers, HotQueries.Of(_db).TimerById, timerId, ct);

    public Task<DurableTimer?> FindTimerWithInstanceAsync(Guid timerId, CancellationToken ct) => FindWithInstanceAsync(_db.Timers, HotQueries.Of(_db).TimerWithInstance, timerId, ct);

    public async Task<DurableTimer?> FindPendingTimerByBookmarkAsync(Guid bookmarkId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await PendingTimers().FirstOrDefaultAsync(t => t.BookmarkId == bookmarkId, ct);
    }

    public async Task<IReadOnlyList<DurableTimer>> ListDueTimersAsync(Instant dueBy, int max, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await PendingTimers()
            .Where(t => t.DueAt <= dueBy)
            .OrderBy(t => t.DueAt)
            .ThenBy(t => t.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    public async Task<Guid?> ClaimDueTimerAsync(Instant dueBy, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.ClaimDueTimerIdAsync(dueBy, ct);
    }

    public async Task<DurableTimer?> FindNextPendingTimerAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        return await PendingTimers().OrderBy(t => t.DueAt).ThenBy(t => t.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<DurableTimer>> ListPendingTimersAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        return await PendingTimers().OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<int> CountDueTimersAsync(Instant dueBy, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await PendingTimers().CountAsync(t => t.DueAt <= dueBy, ct);
    }

    public async Task<IReadOnlyList<DurableTimer>> ListTimersAsync(Guid instanceId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Timers.Where(t => t.InstanceId == instanceId).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DurableTimer>> ListPendingRemindersAsync(Guid taskId, CancellationToken ct)
    {
        EnsureOpen();
        // Asked by every answer to a task with reminders, mid-operation: only pending timers can change the answer.
        if (_db.HasPendingChanges<DurableTimer>())
        {
            await FlushAsync(ct);
        }

        return await PendingTimers().Where(t => t.TaskId == taskId).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken ct) => FindByKeyAsync(_db.Tasks, HotQueries.Of(_db).TaskById, taskId, ct);

    public Task<HumanTask?> FindTaskWithInstanceAsync(Guid taskId, CancellationToken ct) => FindWithInstanceAsync(_db.Tasks, HotQueries.Of(_db).TaskWithInstance, taskId, ct);

    public async Task<HumanTask?> FindOpenTaskByBookmarkAsync(Guid bookmarkId, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await _db.Tasks.FirstOrDefaultAsync(t => t.BookmarkId == bookmarkId && t.Status == HumanTaskStatus.Open, ct);
    }

    public async Task<IReadOnlyList<HumanTask>> ListTasksAsync(TaskQuery query, CancellationToken ct)
    {
        await FlushAsync(ct);
        var tasks = _db.Tasks.AsQueryable();
        if (query.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }

        if (query.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (query.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }

        if (query.InstanceIds is { } instanceIds)
        {
            tasks = tasks.Where(t => instanceIds.Contains(t.InstanceId));
        }

        if (query.TaskIds is { } taskIds)
        {
            tasks = tasks.Where(t => taskIds.Contains(t.Id));
        }

        if (query.RoleScope is { } scope)
        {
            var prefix = scope + "/";
            tasks = tasks.Where(t => t.Role != null && t.Role.StartsWith(prefix));
        }

        return await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(query.Take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<JournalEntry>> ListJournalAsync(Guid instanceId, CancellationToken ct)
    {
        await FlushAsync(ct);
        var batches = await _db.JournalBatches.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.FirstSequence).ToListAsync(ct);
        return [.. batches.SelectMany(JournalLines.Unpack)];
    }

    public void Add(PublishedDefinition definition) => _db.Definitions.Add(definition);

    public void Add(WorkflowInstance instance) => _db.Instances.Add(instance);

    public void Add(Bookmark bookmark) => _db.Bookmarks.Add(bookmark);

    public void Add(DurableTimer timer) => _db.Timers.Add(timer);

    public void Add(HumanTask task) => _db.Tasks.Add(task);

    /// <summary>Kept until the next flush, which writes each instance's new lines as one <see cref="JournalBatch"/>.</summary>
    public void Add(JournalEntry entry) => _unsavedJournal.Add(entry);

    public void Remove(Bookmark bookmark) => _db.Bookmarks.Remove(bookmark);

    /// <summary>
    /// <see cref="IBusRecords"/> (the BUS records) and <see cref="IOutbox"/> (the outbox) on this
    /// session's context and transaction, each made once per session, whose queries write the pending
    /// changes first as this session's do.
    /// </summary>
    public T Facet<T>()
        where T : class =>
        typeof(T) == typeof(IBusRecords) ? (T)(object)(_busRecords ??= new EfBusRecords(_db, FlushAsync))
        : typeof(T) == typeof(IOutbox) ? (T)(object)(_outbox ??= new EfOutbox(_db, FlushAsync, _outboxSeal))
        : typeof(T) == typeof(ILinkTokens) ? (T)(object)(_linkTokens ??= new EfLinkTokens(_db, FlushAsync))
        : typeof(T) == typeof(IRecipientPreferences) ? (T)(object)(_preferences ??= new EfRecipientPreferences(_db))
        : typeof(T) == typeof(IDefinitionDrafts) ? (T)(object)(_drafts ??= new EfDefinitionDrafts(_db, FlushAsync))
        : typeof(T) == typeof(BusFlow.Engine.Documents.IDocuments) ? (T)(object)(_documents ??= new Documents.EfDocuments(_db, FlushAsync))
        : throw new NotSupportedException($"The workflow store has no {typeof(T).Name}.");

    public async Task CommitAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await _transaction.CommitAsync(ct);
        _committed = true;
        if (_outbox is { Enqueued: > 0 })
        {
            _mailCommitted?.MailCommitted();
        }
    }

    /// <summary>Disposing a transaction that was not committed rolls it back, flushed changes and all.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>
    /// A row by its key. A tracked row — also one added earlier in this transaction — is found in
    /// memory without saving or querying; one this transaction removed counts as gone. A row not yet
    /// tracked has no pending changes, so no flush is needed before reading it.
    /// </summary>
    private async Task<T?> FindByKeyAsync<T>(DbSet<T> rows, Func<BusFlowDbContext, Guid, CancellationToken, Task<T?>> byKey, Guid key, CancellationToken ct)
        where T : class
    {
        EnsureOpen();
        return IsTracked(rows, key, out var tracked) ? tracked : await byKey(_db, key, ct);
    }

    /// <summary>
    /// A task or timer by its key, read joined with its instance and bookmark so that the finds that follow
    /// are answered from the tracker.
    /// </summary>
    private async Task<T?> FindWithInstanceAsync<T>(
        DbSet<T> rows, Func<BusFlowDbContext, Guid, CancellationToken, Task<RowWithInstance<T>?>> joined, Guid key, CancellationToken ct)
        where T : class
    {
        EnsureOpen();
        if (IsTracked(rows, key, out var tracked))
        {
            return tracked;
        }

        await FlushAsync(ct);
        return (await joined(_db, key, ct))?.Row;
    }

    /// <summary>Whether this session tracks the row; if so, <paramref name="row"/> is it, or null when this session removed it.</summary>
    private static bool IsTracked<T>(DbSet<T> rows, Guid key, out T? row)
        where T : class
    {
        var entry = rows.Local.FindEntry(key);
        row = entry is { State: not EntityState.Deleted } ? entry.Entity : null;
        return entry is not null;
    }

    private IQueryable<WorkflowInstance> Filtered(InstanceQuery query)
    {
        var instances = _db.Instances.AsQueryable();
        if (query.DefinitionId is { } definitionId)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        if (query.DefinitionVersion is { } version)
        {
            instances = instances.Where(i => i.DefinitionVersion == version);
        }

        if (query.Status is { } status)
        {
            instances = instances.Where(i => i.Status == status);
        }

        if (query.ParentInstanceId is { } parentId)
        {
            instances = instances.Where(i => i.ParentInstanceId == parentId);
        }

        if (query.InputContains is { } text)
        {
            instances = instances.Where(i => i.InputJson.Contains(text));
        }

        if (query.Ids is { } ids)
        {
            instances = instances.Where(i => ids.Contains(i.Id));
        }

        foreach (var id in query.Mentions ?? [])
        {
            var asValue = $"\"{id}\"";
            var inKey = $"-{id}-";
            var atKeyEnd = $"-{id}";
            instances = instances.Where(i => i.InputJson.Contains(asValue)
                || (i.CorrelationKey != null && (i.CorrelationKey.Contains(inKey) || i.CorrelationKey.EndsWith(atKeyEnd))));
        }

        if (query.Text is { Length: > 0 } words)
        {
            var lowered = words.ToLowerInvariant();
#pragma warning disable CA1862, CA1304, CA1311 // ToLower is what both databases translate; the culture overloads have no SQL.
            instances = instances.Where(i => i.DefinitionId.ToLower().Contains(lowered)
                || (i.CorrelationKey != null && i.CorrelationKey.ToLower().Contains(lowered))
                || i.InputJson.ToLower().Contains(lowered));
#pragma warning restore CA1862, CA1304, CA1311
        }

        return instances;
    }

    private IQueryable<DurableTimer> PendingTimers() => _db.Timers.Where(t => t.Status == TimerStatus.Pending);

    /// <summary>Writes the pending changes inside the transaction; a lost race becomes a conflict to retry.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        EnsureOpen();

        if (_unsavedJournal.Count > 0)
        {
            _db.JournalBatches.AddRange(JournalLines.Pack(_unsavedJournal));
            _unsavedJournal.Clear();
        }

        try
        {
            await _db.SaveIfChangedAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Another transaction changed or removed the same rows first: " + Describe(ex), ex);
        }
        catch (DbUpdateException ex) when (_db.IsLostRace(ex))
        {
            throw new ConcurrencyConflictException(
                "Another transaction wrote a row with the same unique key first: " + Describe(ex), ex);
        }
    }

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("This session has been committed; begin a new one.");
        }
    }

    private static string Describe(DbUpdateException exception) =>
        exception.Entries.Count == 0
            ? exception.InnerException?.Message ?? exception.Message
            : string.Join(", ", exception.Entries.Select(e => $"{e.Metadata.DisplayName()} ({e.State})").Distinct());
}
