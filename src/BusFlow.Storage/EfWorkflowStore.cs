using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage;

/// <summary>The workflow store on EF Core: each session is one context and one database transaction.</summary>
public sealed class EfWorkflowStore(IDbContextFactory<BusFlowDbContext> contextFactory) : IWorkflowStore
{
    public async Task<IWorkflowSession> BeginAsync(CancellationToken cancellationToken = default) =>
        await EfWorkflowSession.BeginAsync(contextFactory, cancellationToken);
}
