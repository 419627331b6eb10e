using BusFlow.Hangfire.Storage;
using BusFlow.Storage;

namespace BusFlow.Host.Hosting;

/// <summary>
/// Brings the database up to this build: BusFlow's own tables, then Hangfire's when the jobs are kept
/// in PostgreSQL. `busflow migrate` runs it, and so does each node as it starts; both steps take a
/// lock in the database, so nodes started together take turns instead of racing.
/// </summary>
public static class DatabaseMigration
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await BusFlowDatabase.MigrateAsync(services, ct);
        await HangfireSchema.InstallAsync(services, ct);
    }
}
