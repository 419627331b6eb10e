using System.Runtime.CompilerServices;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace BusFlow.Storage;

/// <summary>
/// The reads made on every operation — a start's, an answer's, a timer's, and each task mail's look-up of its
/// recipient — compiled once instead of having their expression trees compared against EF Core's query cache on
/// every call. A compiled query stays bound to the model it first ran on, and each provider's context has a model
/// of its own: hence one set per model.
/// </summary>
internal sealed class HotQueries
{
    private static readonly ConditionalWeakTable<IModel, HotQueries> PerModel = new();

    private HotQueries()
    {
    }

    public Func<BusFlowDbContext, string, CancellationToken, Task<int?>> LatestDefinitionVersion { get; } =
        EF.CompileAsyncQuery((BusFlowDbContext db, string definitionId, CancellationToken ct) =>
            db.Definitions.Where(d => d.DefinitionId == definitionId).Max(d => (int?)d.Version));

    public Func<BusFlowDbContext, string, string, CancellationToken, Task<WorkflowInstance?>> InstanceByCorrelationKey { get; } =
        EF.CompileAsyncQuery((BusFlowDbContext db, string definitionId, string correlationKey, CancellationToken ct) =>
            db.Instances.FirstOrDefault(i => i.DefinitionId == definitionId && i.CorrelationKey == correlationKey));

    /// <summary>The latest version joined with the instance the key names (the same instance on every version's row).</summary>
    public Func<BusFlowDbContext, string, string, CancellationToken, Task<VersionWithInstance?>> LatestVersionWithInstance { get; } =
        EF.CompileAsyncQuery((BusFlowDbContext db, string definitionId, string correlationKey, CancellationToken ct) => (
            from definition in db.Definitions
            where definition.DefinitionId == definitionId
            join instance in db.Instances.Where(i => i.CorrelationKey == correlationKey) on definition.DefinitionId equals instance.DefinitionId into instances
            from instance in instances.DefaultIfEmpty()
            orderby definition.Version descending
            select new VersionWithInstance { Version = definition.Version, Instance = instance }).FirstOrDefault());

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<RowWithInstance<HumanTask>?>> TaskWithInstance { get; } = WithInstance<HumanTask>();

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<RowWithInstance<DurableTimer>?>> TimerWithInstance { get; } = WithInstance<DurableTimer>();

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> InstanceById { get; } = ById<WorkflowInstance>();

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<Bookmark?>> BookmarkById { get; } = ById<Bookmark>();

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<DurableTimer?>> TimerById { get; } = ById<DurableTimer>();

    public Func<BusFlowDbContext, Guid, CancellationToken, Task<HumanTask?>> TaskById { get; } = ById<HumanTask>();

    /// <summary>The embedded database's claim of the next due timer (PostgreSQL's own skips locked rows instead).</summary>
    public Func<BusFlowDbContext, Instant, CancellationToken, Task<Guid?>> NextDueTimerId { get; } =
        EF.CompileAsyncQuery((BusFlowDbContext db, Instant dueBy, CancellationToken ct) =>
            db.Timers
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= dueBy)
                .OrderBy(t => t.DueAt)
                .ThenBy(t => t.Id)
                .Select(t => (Guid?)t.Id)
                .FirstOrDefault());

    /// <summary>A person by e-mail address, compared in lower case: the address is passed lowered.</summary>
    public Func<BusFlowDbContext, string, CancellationToken, Task<Person?>> PersonByEmail { get; } =
        EF.CompileAsyncQuery((BusFlowDbContext db, string lowerEmail, CancellationToken ct) =>
#pragma warning disable CA1862 // string.Equals with a StringComparison does not translate to SQL; lower() does on both providers.
            db.People.Where(p => p.Email.ToLower() == lowerEmail).OrderBy(p => p.Id).FirstOrDefault());
#pragma warning restore CA1862

    public static HotQueries Of(BusFlowDbContext db) => PerModel.GetValue(db.Model, _ => new HotQueries());

    /// <summary>A row of the engine's by its key, all of which are named Id, from the database (the tracker is looked in first by the caller).</summary>
    private static Func<BusFlowDbContext, Guid, CancellationToken, Task<T?>> ById<T>()
        where T : class =>
        EF.CompileAsyncQuery((BusFlowDbContext db, Guid key, CancellationToken ct) =>
            db.Set<T>().FirstOrDefault(row => EF.Property<Guid>(row, nameof(HumanTask.Id)) == key));

    /// <summary>A task or a timer by its key with its instance and bookmark; both name those columns alike, hence the names taken from one.</summary>
    private static Func<BusFlowDbContext, Guid, CancellationToken, Task<RowWithInstance<T>?>> WithInstance<T>()
        where T : class =>
        EF.CompileAsyncQuery((BusFlowDbContext db, Guid key, CancellationToken ct) => (
            from row in db.Set<T>()
            where EF.Property<Guid>(row, nameof(HumanTask.Id)) == key
            join instance in db.Instances on EF.Property<Guid>(row, nameof(HumanTask.InstanceId)) equals instance.Id into instances
            from instance in instances.DefaultIfEmpty()
            join bookmark in db.Bookmarks on EF.Property<Guid>(row, nameof(HumanTask.BookmarkId)) equals bookmark.Id into bookmarks
            from bookmark in bookmarks.DefaultIfEmpty()
            select new RowWithInstance<T> { Row = row, Instance = instance, Bookmark = bookmark }).FirstOrDefault());
}
