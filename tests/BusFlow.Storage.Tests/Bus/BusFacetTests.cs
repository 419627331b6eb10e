using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class BusFacetTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_added_through_the_facet_commit_with_the_workflow_rows(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var definition = Sample.Definition();
        var instance = Sample.Instance(definition);
        var decision = BusSample.Decision();
        decision.InstanceId = instance.Id;

        await using (var session = await fixture.Store.BeginAsync())
        {
            session.Add(definition);
            session.Add(instance);
            session.Add(Sample.Journal(instance, 1, JournalKind.ActivityCompleted));
            var records = session.Facet<IBusRecords>();
            records.Add(BusSample.Agreement());
            records.Add(decision);
            await session.CommitAsync(default);
        }

        await using var check = await fixture.Store.BeginAsync();
        Assert.NotNull(await check.FindInstanceAsync(instance.Id, default));
        Assert.Single(await check.ListJournalAsync(instance.Id, default));
        Assert.Equal(instance.Id, Assert.Single(await check.Facet<IBusRecords>().ListDecisionsAsync("bus-2023-2026", default)).InstanceId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Disposing_the_session_without_commit_writes_neither_the_records_nor_the_workflow_rows(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var seeded = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            (await session.FindInstanceAsync(seeded.Id, default))!.Status = InstanceStatus.Completed;
            session.Add(Sample.Journal(seeded, 1, JournalKind.InstanceCompleted));
            var records = session.Facet<IBusRecords>();
            records.Add(BusSample.Agreement());
            records.Add(BusSample.Decision());
            records.Add(BusSample.Organization());
            // A query flushes all of it into the transaction; disposing rolls it back.
            Assert.NotNull(await records.FindOrganizationAsync("provby", default));
            Assert.Single(await session.ListJournalAsync(seeded.Id, default));
        }

        await using var check = await fixture.Store.BeginAsync();
        Assert.Equal(InstanceStatus.Running, (await check.FindInstanceAsync(seeded.Id, default))!.Status);
        Assert.Empty(await check.ListJournalAsync(seeded.Id, default));
        var checkRecords = check.Facet<IBusRecords>();
        Assert.Null(await checkRecords.FindOrganizationAsync("provby", default));
        Assert.Null(await checkRecords.FindAgreementAsync("bus-2023-2026", default));
        Assert.Equal(0L, Convert.ToInt64(await fixture.Database.ScalarAsync("SELECT COUNT(*) FROM party_decisions"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_facets_queries_see_the_sessions_own_uncommitted_changes(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await using var session = await fixture.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        var board = BusSample.Board();
        records.Add(BusSample.Organization());
        records.Add(board);
        records.Add(BusSample.Meeting("sn", new LocalDate(2026, 3, 10)));
        records.Add(BusSample.Person("ordf"));
        records.Add(BusSample.Role("ordf", RoleKind.Chair, "sn", null, new LocalDate(2023, 1, 1), null));

        Assert.Same(board, await records.FindBoardAsync("sn", default));
        Assert.Single(await records.ListMeetingsAsync("sn", new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), default));
        Assert.Equal("ordf", (await records.FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(2026, 3, 10), default))?.Id);

        // And the session sees what was changed through the facet.
        board.Name = "Social- och omsorgsnämnden";
        await session.ListInstancesAsync(new InstanceQuery(), default);
        Assert.Equal("Social- och omsorgsnämnden", await ReadBoardNameAsync(session));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_session_hands_out_one_facet_and_refuses_facets_it_has_not(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await using var session = await fixture.Store.BeginAsync();

        Assert.Same(session.Facet<IBusRecords>(), session.Facet<IBusRecords>());
        Assert.Throws<NotSupportedException>(() => session.Facet<IDisposable>());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_facet_of_a_committed_session_refuses_queries(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await using var session = await fixture.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        await session.CommitAsync(default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => records.ListBoardsAsync(default));
    }

    /// <summary>Reads the board's name from the database within the session's own transaction.</summary>
    private static async Task<string?> ReadBoardNameAsync(IWorkflowSession session)
    {
        var context = StoreFixture.ContextOf(session);
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "SELECT name FROM boards WHERE id = 'sn'";
        return (string?)await command.ExecuteScalarAsync();
    }
}
