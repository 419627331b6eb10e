using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage;

/// <summary>
/// The workflow store on EF Core: each session is one context and one database transaction. The
/// outbox's content is sealed with <paramref name="outboxSeal"/>; a store without one (the engine
/// alone) refuses to use the outbox rather than write mail in clear. <paramref name="mailCommitted"/>,
/// when there is one, is told after each commit that put mail in the outbox.
/// </summary>
public sealed class EfWorkflowStore(
    IDbContextFactory<BusFlowDbContext> contextFactory,
    OutboxSeal? outboxSeal = null,
    IOutboxCommitListener? mailCommitted = null) : IWorkflowStore
{
    public async Task<IWorkflowSession> BeginAsync(CancellationToken cancellationToken = default) =>
        await EfWorkflowSession.BeginAsync(contextFactory, outboxSeal, mailCommitted, cancellationToken);
}
