using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>
/// One transaction over the workflow tables. Entities returned are tracked: changes to them are
/// written by <see cref="CommitAsync"/>, which throws <see cref="ConcurrencyConflictException"/>
/// when another transaction changed or removed the same rows first. Reads see this session's own
/// changes: a row added earlier in the transaction is found, a removed one is not.
/// </summary>
public interface IWorkflowSession : IAsyncDisposable
{
    Task<PublishedDefinition?> FindDefinitionAsync(string definitionId, int version, CancellationToken ct);
    Task<PublishedDefinition?> FindLatestDefinitionAsync(string definitionId, CancellationToken ct);
    Task<IReadOnlyList<PublishedDefinition>> ListLatestDefinitionsAsync(CancellationToken ct);

    Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct);
    Task<WorkflowInstance?> FindInstanceByCorrelationKeyAsync(string definitionId, string correlationKey, CancellationToken ct);
    Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct);

    Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken ct);

    Task<DurableTimer?> FindTimerAsync(Guid timerId, CancellationToken ct);
    Task<DurableTimer?> FindPendingTimerByBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<IReadOnlyList<DurableTimer>> ListDueTimersAsync(Instant dueBy, int max, CancellationToken ct);
    Task<DurableTimer?> FindNextPendingTimerAsync(CancellationToken ct);
    Task<IReadOnlyList<DurableTimer>> ListPendingTimersAsync(CancellationToken ct);

    /// <summary>A task's reminders that have not fired yet, soonest first.</summary>
    Task<IReadOnlyList<DurableTimer>> ListPendingRemindersAsync(Guid taskId, CancellationToken ct);

    Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken ct);
    Task<HumanTask?> FindOpenTaskByBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<IReadOnlyList<HumanTask>> ListTasksAsync(TaskQuery query, CancellationToken ct);

    Task<IReadOnlyList<JournalEntry>> ListJournalAsync(Guid instanceId, CancellationToken ct);

    void Add(PublishedDefinition definition);
    void Add(WorkflowInstance instance);
    void Add(Bookmark bookmark);
    void Add(DurableTimer timer);
    void Add(HumanTask task);
    void Add(JournalEntry entry);
    void Remove(Bookmark bookmark);

    /// <summary>
    /// A module's records in this same transaction (e.g. a domain's decisions), so they commit
    /// together with the workflow step that writes them. Throws when the store has no such facet.
    /// </summary>
    T Facet<T>()
        where T : class;

    Task CommitAsync(CancellationToken ct);
}

/// <param name="ParentInstanceId">Only the instances this instance started (its children, not their children).</param>
/// <param name="InputContains">
/// Only instances whose input JSON text contains this text, compared as stored (ordinal): a coarse
/// filter that the caller refines by reading the input.
/// </param>
public sealed record InstanceQuery(
    string? DefinitionId = null,
    InstanceStatus? Status = null,
    int Take = 100,
    Guid? ParentInstanceId = null,
    string? InputContains = null);

/// <param name="RoleScope">Only tasks for a role in this scope: "sn" finds the tasks whose role is "sn/…".</param>
/// <param name="InstanceIds">Only the tasks of these instances: one read for a whole workflow tree.</param>
public sealed record TaskQuery(string? Assignee = null, HumanTaskStatus? Status = null, Guid? InstanceId = null, int Take = 100, string? RoleScope = null, IReadOnlyCollection<Guid>? InstanceIds = null);

/// <summary>Another transaction won the race for the same rows; the operation may be retried.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
