using BusFlow.Accounts.Audit;
using BusFlow.Storage.Accounts;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Storage.Tests.Accounts;

/// <summary>The audit log is append-only in the storage itself, whoever calls SaveChanges, as the journal is.</summary>
public sealed class AuditLogStorageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_an_audit_line_is_refused_and_the_line_is_unchanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (log, contexts) = await AuditStorageAsync(database);
        await log.AppendAsync(Line("anna@exempelby.test"), default);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var line = await db.AuditLog.SingleAsync();
            line.Actor = "someone else";
            line.Detail = "covered up";
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("cannot be changed", refused.Message, StringComparison.Ordinal);
        }

        var saved = Assert.Single(await log.ListAsync(new AuditQuery(), default));
        Assert.Equal("anna@exempelby.test", saved.Actor);
        Assert.Equal("wrong password", saved.Detail);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_an_audit_line_is_refused_and_the_line_is_kept(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (log, contexts) = await AuditStorageAsync(database);
        await log.AppendAsync(Line("anna@exempelby.test"), default);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("cannot be deleted", refused.Message, StringComparison.Ordinal);
        }

        Assert.Single(await log.ListAsync(new AuditQuery(), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appending_keeps_the_earlier_lines_and_lists_the_newest_first(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (log, _) = await AuditStorageAsync(database);

        await log.AppendAsync(Line("anna@exempelby.test"), default);
        await log.AppendAsync(Line("olof@exempelby.test"), default);

        Assert.Equal(["olof@exempelby.test", "anna@exempelby.test"], (await log.ListAsync(new AuditQuery(), default)).Select(l => l.Actor));
    }

    private static async Task<(IAuditLog Log, IDbContextFactory<BusFlowDbContext> Contexts)> AuditStorageAsync(TestDatabase database)
    {
        await database.CreateStoreAsync();
        var services = database.BuildServices(s => s.AddBusFlowAccountStorage());
        return (services.GetRequiredService<IAuditLog>(), services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>());
    }

    private static AuditEntry Line(string actor) => new()
    {
        At = Instant.FromUtc(2026, 5, 4, 7, 30),
        Actor = actor,
        Action = AuditActions.SignInFailed,
        Target = actor,
        Detail = "wrong password",
        ClientAddress = "192.0.2.10",
    };
}
