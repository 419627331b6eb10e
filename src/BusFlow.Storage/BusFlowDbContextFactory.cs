using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="BusFlowDbContext"/>.</summary>
internal sealed class BusFlowDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<BusFlowDbContext>
    where TContext : BusFlowDbContext
{
    public BusFlowDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<BusFlowDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
