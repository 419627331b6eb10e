using BusFlow.Engine.Persistence;
using BusFlow.Testing;

namespace BusFlow.Storage.Tests;

/// <summary>A migrated throwaway database with a store on it, for one test.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private StoreFixture(TestDatabase database, IWorkflowStore store)
    {
        Database = database;
        Store = store;
    }

    public TestDatabase Database { get; }

    public IWorkflowStore Store { get; }

    public static async Task<StoreFixture> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            return new StoreFixture(database, await database.CreateStoreAsync());
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits a definition and one instance of it, and returns the instance.</summary>
    public async Task<WorkflowInstance> SeedInstanceAsync(string? correlationKey = null)
    {
        var definition = Sample.Definition();
        var instance = Sample.Instance(definition, correlationKey);
        await using var session = await Store.BeginAsync();
        if (await session.FindDefinitionAsync(definition.DefinitionId, definition.Version, default) is null)
        {
            session.Add(definition);
        }

        session.Add(instance);
        await session.CommitAsync(default);
        return instance;
    }

    /// <summary>Runs <paramref name="work"/> in a session of its own and commits.</summary>
    public async Task WriteAsync(Action<IWorkflowSession> work)
    {
        await using var session = await Store.BeginAsync();
        work(session);
        await session.CommitAsync(default);
    }

    /// <summary>Reads through a fresh session, which is rolled back.</summary>
    public async Task<T> ReadAsync<T>(Func<IWorkflowSession, Task<T>> read)
    {
        await using var session = await Store.BeginAsync();
        return await read(session);
    }

    /// <summary>The EF Core context beneath a session, for tests that reach past the port.</summary>
    public static BusFlowDbContext ContextOf(IWorkflowSession session) => ((EfWorkflowSession)session).Context;

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
