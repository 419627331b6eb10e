using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Bus.Tests.Workflows;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using NodaTime;

namespace BusFlow.Bus.Tests.People;

/// <summary>A secretary's e-mail address changes while a decision waits for her: the task, its links and its mail follow her.</summary>
public sealed class TaskAddressMoveTests : IAsyncLifetime
{
    private const string NewAddress = "maria.holmgren@socialforvaltningen.exempelby.test";

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 2, 1, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_new_address_gets_the_open_task_with_links_of_its_own_and_the_old_links_die()
    {
        var decision = await _bus.StartAsync("board-decision", new JsonObject { ["board"] = "sn", ["subject"] = "Gemensam satsning på fritidsgårdar" });
        var task = Assert.Single(await _bus.AllTasksAsync());
        var previous = task.Assignee;
        var oldTokens = await TokensAsync(task.Id);
        Assert.NotEmpty(oldTokens);

        var moved = await _bus.Runtime.ChangeAsync("admin@exempelby.test", async change =>
        {
            var person = await change.Store.Facet<IBusRecords>().FindPersonByEmailAsync(previous, default);
            person!.Email = NewAddress;
            return await TaskAddressMove.MoveAsync(change, previous, NewAddress, default);
        });

        Assert.Equal(1, moved);
        Assert.Equal(NewAddress, Assert.Single(await _bus.AllTasksAsync()).Assignee);
        var tokens = await TokensAsync(task.Id);
        var now = _bus.Clock.GetCurrentInstant();
        Assert.All(tokens.Where(t => t.Recipient == previous), t => Assert.False(t.IsLive(now)));
        Assert.Equal(2, tokens.Count(t => t.Recipient == NewAddress && t.IsLive(now)));
        var mail = Assert.Single(await _bus.OutboxAsync(), m => m.To == NewAddress);
        Assert.StartsWith("Ny uppgift i BusFlow", mail.Subject, StringComparison.Ordinal);
        var entry = Assert.Single(await _bus.JournalAsync(decision.Id), j => j.Kind == JournalKind.TaskReassigned);
        Assert.Equal((previous, NewAddress), ((string?)JsonNode.Parse(entry.DataJson!)!["previousAssignee"], (string?)JsonNode.Parse(entry.DataJson!)!["assignee"]));
    }

    [Fact]
    public async Task The_same_address_in_other_letters_moves_nothing()
    {
        await _bus.StartAsync("board-decision", new JsonObject { ["board"] = "sn", ["subject"] = "Gemensam satsning på fritidsgårdar" });
        var task = Assert.Single(await _bus.AllTasksAsync());

        var moved = await _bus.Runtime.ChangeAsync("admin@exempelby.test", change => TaskAddressMove.MoveAsync(change, task.Assignee, task.Assignee.ToUpperInvariant(), default));

        Assert.Equal(0, moved);
        Assert.Single(await _bus.OutboxAsync());
    }

    private Task<IReadOnlyList<LinkToken>> TokensAsync(Guid taskId) =>
        _bus.ReadAsync((s, _) => s.Facet<ILinkTokens>().ListForTaskAsync(taskId, default));
}
