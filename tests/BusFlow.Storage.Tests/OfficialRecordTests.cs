using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Tests;

public sealed class OfficialRecordTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_a_stored_journal_batch_is_refused_and_its_lines_are_unchanged(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Journal(instance, 1)));

        await using (var session = await fixture.Store.BeginAsync())
        {
            var batch = await StoreFixture.ContextOf(session).JournalBatches.SingleAsync(b => b.InstanceId == instance.Id);
            StoreFixture.ContextOf(session).Entry(batch).Property(b => b.Lines).CurrentValue = batch.Lines.Replace("system", "someone else", StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        var saved = Assert.Single(await fixture.ReadAsync(s => s.ListJournalAsync(instance.Id, default)));
        Assert.Equal("system", saved.Actor);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_stored_journal_batch_is_refused_and_its_lines_are_kept(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Journal(instance, 1)));

        await using (var session = await fixture.Store.BeginAsync())
        {
            StoreFixture.ContextOf(session).Remove(await StoreFixture.ContextOf(session).JournalBatches.SingleAsync(b => b.InstanceId == instance.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        Assert.Single(await fixture.ReadAsync(s => s.ListJournalAsync(instance.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_journal_line_changed_after_it_was_read_is_not_written_back(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Journal(instance, 1)));

        await using (var session = await fixture.Store.BeginAsync())
        {
            Assert.Single(await session.ListJournalAsync(instance.Id, default)).Actor = "someone else";
            await session.CommitAsync(default);
        }

        Assert.Equal("system", Assert.Single(await fixture.ReadAsync(s => s.ListJournalAsync(instance.Id, default))).Actor);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_or_deleting_a_published_definition_is_refused(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteAsync(s => s.Add(Sample.Definition()));

        await using (var session = await fixture.Store.BeginAsync())
        {
            var definition = (await session.FindDefinitionAsync("ansokan", 1, default))!;
            definition.Json = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        await using (var session = await fixture.Store.BeginAsync())
        {
            var definition = (await session.FindDefinitionAsync("ansokan", 1, default))!;
            StoreFixture.ContextOf(session).Remove(definition);
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        var saved = await fixture.ReadAsync(s => s.FindDefinitionAsync("ansokan", 1, default));
        Assert.Equal(Sample.Definition().Json, saved!.Json);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appending_to_the_journal_beside_other_changes_is_allowed(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Journal(instance, 1)));

        await using (var session = await fixture.Store.BeginAsync())
        {
            await session.ListJournalAsync(instance.Id, default);
            (await session.FindInstanceAsync(instance.Id, default))!.JournalLength = 2;
            session.Add(Sample.Journal(instance, 2, JournalKind.InstanceCompleted));
            await session.CommitAsync(default);
        }

        var journal = await fixture.ReadAsync(s => s.ListJournalAsync(instance.Id, default));
        Assert.Equal([1, 2], journal.Select(j => j.Sequence));
    }
}
