using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Engine.Tests.Design;

public sealed class DefinitionDesignerTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    private DefinitionDesigner Designer => _engine.Services.GetRequiredService<DefinitionDesigner>();

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_blank_draft_with_errors_is_saved_as_a_draft_and_publishing_it_is_refused_with_nothing_published()
    {
        var draft = (await Designer.CreateBlankAsync("approval", "Godkännande", "anna@example.se", default)).Draft!;
        var broken = draft.Json.Replace("\"activities\": []", "\"activities\": [ { \"type\": \"Delay\", \"id\": \"wait\", \"duration\": \"two weeks\" } ]", StringComparison.Ordinal);

        var saved = await Designer.SaveAsync(draft.Id, broken, draft.Version, "anna@example.se", default);
        var published = await Designer.PublishAsync(draft.Id, saved.Draft!.Version, default);

        Assert.Equal(DraftSaveStatus.Saved, saved.Status);
        Assert.Equal(DraftSaveStatus.Invalid, published.Status);
        Assert.Equal("$.root.activities[0].duration", Assert.Single(published.Errors!).JsonPath);
        Assert.Null(await _engine.ReadAsync(s => s.FindLatestDefinitionAsync("approval", default)));
        Assert.Equal(broken, (await Designer.FindAsync(draft.Id, default))!.Json);
    }

    [Fact]
    public async Task The_second_of_two_saves_based_on_the_same_version_is_told_who_saved_first_and_changes_nothing()
    {
        var draft = (await Designer.CreateBlankAsync("approval", "Godkännande", "anna@example.se", default)).Draft!;
        var first = await Designer.SaveAsync(draft.Id, draft.Json.Replace("Godkännande", "Anna's", StringComparison.Ordinal), draft.Version, "anna@example.se", default);

        var second = await Designer.SaveAsync(draft.Id, draft.Json.Replace("Godkännande", "Bo's", StringComparison.Ordinal), draft.Version, "bo@example.se", default);

        Assert.Equal(DraftSaveStatus.Saved, first.Status);
        Assert.Equal(DraftSaveStatus.Conflict, second.Status);
        Assert.Equal("anna@example.se", second.Draft!.SavedBy);
        Assert.Contains("Anna's", (await Designer.FindAsync(draft.Id, default))!.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_draft_becomes_the_next_version_and_a_new_draft_from_it_takes_the_version_after()
    {
        var draft = (await Designer.CreateBlankAsync("approval", "Godkännande", "anna@example.se", default)).Draft!;

        var published = await Designer.PublishAsync(draft.Id, draft.Version, default);
        var next = (await Designer.CreateFromVersionAsync("approval", 1, "anna@example.se", default)).Draft!;

        Assert.Equal(1, published.PublishedVersion);
        Assert.Null(await Designer.FindAsync(draft.Id, default));
        var stored = await _engine.ReadAsync(s => s.FindDefinitionAsync("approval", 1, default));
        Assert.Equal(draft.Json, stored!.Json);
        Assert.Contains("\"version\": 2", next.Json, StringComparison.Ordinal);
        Assert.Equal(1, next.BasedOnVersion);
        Assert.Equal(DraftCreationProblem.IdTaken, (await Designer.CreateBlankAsync("approval", "Igen", "anna@example.se", default)).Problem);
    }

    [Fact]
    public async Task A_draft_never_runs()
    {
        await Designer.CreateBlankAsync("approval", "Godkännande", "anna@example.se", default);

        var start = () => _engine.StartAsync("approval");

        await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Equal(0, await _engine.ReadAsync(s => s.CountInstancesAsync(new InstanceQuery(), default)));
    }
}
