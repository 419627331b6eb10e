using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests;

public sealed class QueryTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Latest_definitions_are_the_highest_version_of_each(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteAsync(s =>
        {
            s.Add(Sample.Definition("b", 1));
            s.Add(Sample.Definition("a", 2));
            s.Add(Sample.Definition("a", 10));
            s.Add(Sample.Definition("a", 9));
            s.Add(Sample.Definition("b", 3));
        });

        await using var session = await fixture.Store.BeginAsync();
        var latest = await session.ListLatestDefinitionsAsync(default);
        Assert.Equal([("a", 10), ("b", 3)], latest.Select(d => (d.DefinitionId, d.Version)));
        Assert.Equal(10, (await session.FindLatestDefinitionAsync("a", default))?.Version);
        Assert.Null(await session.FindLatestDefinitionAsync("c", default));
        Assert.Null(await session.FindDefinitionAsync("a", 3, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instances_are_found_by_correlation_key_and_listed_by_filter_in_creation_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var ansokan = Sample.Definition("ansokan");
        var anmalan = Sample.Definition("anmalan");
        var third = Sample.Instance(ansokan, "k3", Sample.T0 + Duration.FromMinutes(3));
        var first = Sample.Instance(ansokan, "k1", Sample.T0 + Duration.FromMinutes(1));
        var second = Sample.Instance(ansokan, "k2", Sample.T0 + Duration.FromMinutes(2));
        second.Status = InstanceStatus.Waiting;
        var other = Sample.Instance(anmalan, "k1", Sample.T0);
        await fixture.WriteAsync(s =>
        {
            s.Add(ansokan);
            s.Add(anmalan);
            s.Add(third);
            s.Add(first);
            s.Add(second);
            s.Add(other);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal(first.Id, (await session.FindInstanceByCorrelationKeyAsync("ansokan", "k1", default))?.Id);
        Assert.Equal(other.Id, (await session.FindInstanceByCorrelationKeyAsync("anmalan", "k1", default))?.Id);
        Assert.Null(await session.FindInstanceByCorrelationKeyAsync("anmalan", "k2", default));
        Assert.Equal(
            [other.Id, first.Id, second.Id, third.Id],
            (await session.ListInstancesAsync(new InstanceQuery(), default)).Select(i => i.Id));
        Assert.Equal(
            [first.Id, second.Id, third.Id],
            (await session.ListInstancesAsync(new InstanceQuery(DefinitionId: "ansokan"), default)).Select(i => i.Id));
        Assert.Equal(
            [second.Id],
            (await session.ListInstancesAsync(new InstanceQuery(Status: InstanceStatus.Waiting), default)).Select(i => i.Id));
        Assert.Equal(
            [other.Id, first.Id],
            (await session.ListInstancesAsync(new InstanceQuery(Take: 2), default)).Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instances_are_counted_per_version_of_their_definition(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (first, second) = (Sample.Definition("ansokan", 1), Sample.Definition("ansokan", 2));
        var old = Sample.Instance(first, "k1");
        var waiting = Sample.Instance(second, "k2");
        waiting.Status = InstanceStatus.Waiting;
        var done = Sample.Instance(second, "k3");
        done.Status = InstanceStatus.Completed;
        await fixture.WriteAsync(s =>
        {
            s.Add(first);
            s.Add(second);
            s.Add(old);
            s.Add(waiting);
            s.Add(done);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal(1, await session.CountInstancesAsync(new InstanceQuery(DefinitionId: "ansokan", DefinitionVersion: 1), default));
        Assert.Equal(2, await session.CountInstancesAsync(new InstanceQuery(DefinitionId: "ansokan", DefinitionVersion: 2), default));
        Assert.Equal(1, await session.CountInstancesAsync(new InstanceQuery(DefinitionId: "ansokan", DefinitionVersion: 2, Status: InstanceStatus.Waiting), default));
        Assert.Equal(0, await session.CountInstancesAsync(new InstanceQuery(DefinitionId: "ansokan", DefinitionVersion: 3), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instances_are_listed_by_parent_and_by_text_in_their_input(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var definition = Sample.Definition();
        var parent = Sample.Instance(definition, createdAt: Sample.T0);
        parent.InputJson = """{"agreement":"bus-2023-2026"}""";
        var child = Sample.Instance(definition, createdAt: Sample.T0 + Duration.FromMinutes(1));
        child.ParentInstanceId = parent.Id;
        child.InputJson = """{"agreement":"bus-2027-2030","subject":"Överenskommelse"}""";
        var grandchild = Sample.Instance(definition, createdAt: Sample.T0 + Duration.FromMinutes(2));
        grandchild.ParentInstanceId = child.Id;
        await fixture.WriteAsync(s =>
        {
            s.Add(definition);
            s.Add(parent);
            s.Add(child);
            s.Add(grandchild);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal([child.Id], (await session.ListInstancesAsync(new InstanceQuery(ParentInstanceId: parent.Id), default)).Select(i => i.Id));
        Assert.Equal([grandchild.Id], (await session.ListInstancesAsync(new InstanceQuery(ParentInstanceId: child.Id), default)).Select(i => i.Id));
        Assert.Empty(await session.ListInstancesAsync(new InstanceQuery(ParentInstanceId: grandchild.Id), default));
        Assert.Equal([child.Id], (await session.ListInstancesAsync(new InstanceQuery(InputContains: "bus-2027-2030"), default)).Select(i => i.Id));
        Assert.Equal([child.Id], (await session.ListInstancesAsync(new InstanceQuery(InputContains: "Överenskommelse"), default)).Select(i => i.Id));
        Assert.Empty(await session.ListInstancesAsync(new InstanceQuery(InputContains: "BUS-2027-2030"), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tasks_are_listed_by_assignee_status_and_instance_in_creation_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var otherInstance = await fixture.SeedInstanceAsync();
        var annaLater = Sample.Task(instance, "anna", createdAt: Sample.T0 + Duration.FromHours(2));
        var annaEarlier = Sample.Task(instance, "anna", createdAt: Sample.T0 + Duration.FromHours(1));
        var annaDone = Sample.Task(otherInstance, "anna", HumanTaskStatus.Completed, Sample.T0);
        var bo = Sample.Task(otherInstance, "bo", createdAt: Sample.T0 + Duration.FromHours(3));
        await fixture.WriteAsync(s =>
        {
            s.Add(annaLater);
            s.Add(bo);
            s.Add(annaDone);
            s.Add(annaEarlier);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal(
            [annaEarlier.Id, annaLater.Id],
            (await session.ListTasksAsync(new TaskQuery("anna", HumanTaskStatus.Open), default)).Select(t => t.Id));
        Assert.Equal(
            [annaDone.Id, bo.Id],
            (await session.ListTasksAsync(new TaskQuery(InstanceId: otherInstance.Id), default)).Select(t => t.Id));
        Assert.Equal(
            [annaDone.Id, annaEarlier.Id, annaLater.Id, bo.Id],
            (await session.ListTasksAsync(new TaskQuery(), default)).Select(t => t.Id));
        Assert.Equal(annaEarlier.Id, (await session.FindOpenTaskByBookmarkAsync(annaEarlier.BookmarkId, default))?.Id);
        Assert.Null(await session.FindOpenTaskByBookmarkAsync(annaDone.BookmarkId, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Journal_and_bookmarks_are_listed_per_instance_in_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var otherInstance = await fixture.SeedInstanceAsync();
        var laterBookmark = Sample.Bookmark(instance, BookmarkKind.Task, Sample.T0 + Duration.FromSeconds(2));
        var earlierBookmark = Sample.Bookmark(instance, BookmarkKind.Signal, Sample.T0 + Duration.FromSeconds(1));
        await fixture.WriteAsync(s =>
        {
            s.Add(Sample.Journal(instance, 3));
            s.Add(Sample.Journal(instance, 1));
            s.Add(Sample.Journal(otherInstance, 1));
            s.Add(Sample.Journal(instance, 2));
            s.Add(laterBookmark);
            s.Add(earlierBookmark);
            s.Add(Sample.Bookmark(otherInstance));
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal([1, 2, 3], (await session.ListJournalAsync(instance.Id, default)).Select(j => j.Sequence));
        Assert.Equal(
            [earlierBookmark.Id, laterBookmark.Id],
            (await session.ListBookmarksAsync(instance.Id, default)).Select(b => b.Id));
    }
}
