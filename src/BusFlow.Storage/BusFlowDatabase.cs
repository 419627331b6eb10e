using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage;

/// <summary>Brings the configured database up to the schema this build expects.</summary>
public static class BusFlowDatabase
{
    /// <summary>Applies the pending migrations of the provider registered by AddBusFlowStorage.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        MigrateAsync(services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>(), cancellationToken);

    /// <summary>Applies the pending migrations of the provider the factory's contexts use.</summary>
    public static async Task MigrateAsync(IDbContextFactory<BusFlowDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
