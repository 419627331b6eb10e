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

    /// <summary>The latest published version's number alone, without its content: what a start asks on every call.</summary>
    Task<int?> FindLatestDefinitionVersionAsync(string definitionId, CancellationToken ct);
    Task<IReadOnlyList<PublishedDefinition>> ListLatestDefinitionsAsync(CancellationToken ct);

    Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct);
    Task<WorkflowInstance?> FindInstanceByCorrelationKeyAsync(string definitionId, string correlationKey, CancellationToken ct);

    /// <summary>
    /// What a start with a correlation key and no version asks first, in one read: the latest published version's
    /// number (null when none is) and the instance of that definition already started with the key, if any.
    /// </summary>
    Task<(int? LatestVersion, WorkflowInstance? Instance)> FindLatestVersionAndCorrelatedInstanceAsync(string definitionId, string correlationKey, CancellationToken ct);
    Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(InstanceQuery query, CancellationToken ct);

    /// <summary>How many instances the query finds, all pages together (its Skip and Take left aside).</summary>
    Task<int> CountInstancesAsync(InstanceQuery query, CancellationToken ct);

    Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken ct);

    Task<DurableTimer?> FindTimerAsync(Guid timerId, CancellationToken ct);

    /// <summary>
    /// A timer, read together with its instance and bookmark in one round trip: firing it needs all
    /// three, and the finds that follow are then answered from the session.
    /// </summary>
    Task<DurableTimer?> FindTimerWithInstanceAsync(Guid timerId, CancellationToken ct);
    Task<DurableTimer?> FindPendingTimerByBookmarkAsync(Guid bookmarkId, CancellationToken ct);
    Task<IReadOnlyList<DurableTimer>> ListDueTimersAsync(Instant dueBy, int max, CancellationToken ct);

    /// <summary>
    /// The id of the next pending timer due by <paramref name="dueBy"/>, held for this session until it ends
    /// so that another session claiming at the same time takes a different one; null when none is free.
    /// </summary>
    Task<Guid?> ClaimDueTimerAsync(Instant dueBy, CancellationToken ct);

    Task<DurableTimer?> FindNextPendingTimerAsync(CancellationToken ct);
    Task<IReadOnlyList<DurableTimer>> ListPendingTimersAsync(CancellationToken ct);

    /// <summary>How many pending timers are due by <paramref name="dueBy"/>.</summary>
    Task<int> CountDueTimersAsync(Instant dueBy, CancellationToken ct);

    /// <summary>An instance's timers, pending, fired and cancelled alike, by due time.</summary>
    Task<IReadOnlyList<DurableTimer>> ListTimersAsync(Guid instanceId, CancellationToken ct);

    /// <summary>A task's reminders that have not fired yet, soonest first.</summary>
    Task<IReadOnlyList<DurableTimer>> ListPendingRemindersAsync(Guid taskId, CancellationToken ct);

    Task<HumanTask?> FindTaskAsync(Guid taskId, CancellationToken ct);

    /// <summary>
    /// A task, read together with its instance and bookmark in one round trip: answering it needs all
    /// three, and the finds that follow are then answered from the session.
    /// </summary>
    Task<HumanTask?> FindTaskWithInstanceAsync(Guid taskId, CancellationToken ct);
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
/// <param name="Mentions">
/// Only instances that name each of these ids: as a string value in their input (<c>"board": "sn"</c>) or
/// as a dash-separated part of their correlation key (<c>meeting-plan-sn-2027</c>), compared as stored
/// (ordinal). This is how an agreement's or a board's instances are found without reading each input.
/// </param>
/// <param name="Text">
/// Only instances whose definition id, correlation key or input contains this text, ignoring case
/// (of ASCII letters: SQLite lowers no others).
/// </param>
/// <param name="Skip">How many of the instances found to pass over first: the rows of earlier pages.</param>
/// <param name="NewestFirst">The newest instance first, instead of the oldest.</param>
/// <param name="Ids">Only these instances: one read for the instances a page lists.</param>
/// <param name="DefinitionVersion">Only the instances that run this version of their definition (with DefinitionId).</param>
public sealed record InstanceQuery(
    string? DefinitionId = null,
    InstanceStatus? Status = null,
    int Take = 100,
    Guid? ParentInstanceId = null,
    string? InputContains = null,
    IReadOnlyList<string>? Mentions = null,
    string? Text = null,
    int Skip = 0,
    bool NewestFirst = false,
    IReadOnlyCollection<Guid>? Ids = null,
    int? DefinitionVersion = null);

/// <param name="RoleScope">Only tasks for a role in this scope: "sn" finds the tasks whose role is "sn/…".</param>
/// <param name="InstanceIds">Only the tasks of these instances: one read for a whole workflow tree.</param>
/// <param name="TaskIds">Only the tasks of these ids: one read for the tasks a batch of mails links to.</param>
public sealed record TaskQuery(string? Assignee = null, HumanTaskStatus? Status = null, Guid? InstanceId = null, int Take = 100, string? RoleScope = null, IReadOnlyCollection<Guid>? InstanceIds = null, IReadOnlyCollection<Guid>? TaskIds = null);

/// <summary>Another transaction won the race for the same rows; the operation may be retried.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
