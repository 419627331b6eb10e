using System.Runtime.CompilerServices;
using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BusFlow.Storage;

/// <summary>
/// The reads every engine operation makes — a start's, an answer's, a timer's — compiled once
/// instead of having their expression trees compared against EF Core's query cache on every call. A compiled
/// query stays bound to the model it first ran on, and each provider's context has a model of its own: hence
/// one set per model.
/// </summary>
internal sealed class EngineQueries
{
    private static readonly ConditionalWeakTable<IModel, EngineQueries> PerModel = new();

    private EngineQueries()
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

    public static EngineQueries Of(BusFlowDbContext db) => PerModel.GetValue(db.Model, _ => new EngineQueries());

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
