using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using BusFlow.Notifications.Tests.Templates;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Outbox;

public sealed class TaskAssignedMailTests
{
    private const string Approval = """
        {
          "id": "approval", "version": 1, "name": "Godkännande",
          "inputs": [ { "name": "to", "type": "string", "required": true } ],
          "root": { "type": "Task", "id": "approve", "assignee": { "ref": "input.to" }, "title": "Godkänn budgeten för BUS 2027",
                    "outcomes": ["approve", "reject"], "due": "2026-12-25" }
        }
        """;

    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private static IMessageTemplates Shipped() => new FluidMessageTemplates(TemplateFolder.Shipped());

    [Fact]
    public async Task A_new_task_puts_the_task_assigned_mail_to_its_assignee_in_the_outbox_with_the_task()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(Shipped());
        await harness.PublishAsync(Approval);

        var instance = await harness.StartAsync("approval", new JsonObject { ["to"] = "karin.ek@exempelby.test" });

        var mail = Assert.Single(await harness.OutboxAsync());
        Assert.Equal("karin.ek@exempelby.test", mail.To);
        Assert.Equal((instance.Id, "approve"), (mail.InstanceId, mail.ActivityId));
        Assert.Equal((EmailKind.Required, "sv-SE"), (mail.Kind, mail.Language));
        Assert.Contains("Godkänn budgeten för BUS 2027", mail.Subject, StringComparison.Ordinal);
        // The bare engine's calendar knows only weekends, and 25 December 2026 is a Friday (the Swedish calendar comes with the BUS module).
        Assert.Contains("Sista dag att svara: 25 december 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_created_at_midnight_on_a_Saturday_is_mailed_when_the_window_opens_on_Monday()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(Shipped());
        await harness.PublishAsync(Approval);
        var saturdayMidnight = new LocalDateTime(2026, 11, 28, 0, 0).InZoneStrictly(Stockholm).ToInstant();
        ((FakeClock)harness.Services.GetRequiredService<IClock>()).Reset(saturdayMidnight);

        await harness.StartAsync("approval", new JsonObject { ["to"] = "karin.ek@exempelby.test" });

        var mail = Assert.Single(await harness.OutboxAsync());
        Assert.Equal(saturdayMidnight, mail.CreatedAt);
        Assert.Equal(new LocalDateTime(2026, 11, 30, 8, 0), mail.NextAttemptAt.InZone(Stockholm).LocalDateTime);
    }

    [Fact]
    public async Task An_urgent_task_is_mailed_at_once_even_at_midnight_on_a_Saturday()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(Shipped());
        await harness.PublishAsync(Approval.Replace("\"due\": \"2026-12-25\"", "\"due\": \"2026-12-25\", \"urgent\": true", StringComparison.Ordinal));
        var saturdayMidnight = new LocalDateTime(2026, 11, 28, 0, 0).InZoneStrictly(Stockholm).ToInstant();
        ((FakeClock)harness.Services.GetRequiredService<IClock>()).Reset(saturdayMidnight);

        await harness.StartAsync("approval", new JsonObject { ["to"] = "karin.ek@exempelby.test" });

        Assert.Equal(saturdayMidnight, Assert.Single(await harness.OutboxAsync()).NextAttemptAt);
        await using var session = await harness.Store.BeginAsync();
        var task = Assert.Single(await session.ListTasksAsync(new TaskQuery(), default));
        Assert.True((bool)JsonNode.Parse(task.DataJson!)!["urgent"]!);
    }

    [Fact]
    public async Task An_assignee_that_is_not_an_address_gets_no_mail()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(Shipped());
        await harness.PublishAsync(Approval);

        await harness.StartAsync("approval", new JsonObject { ["to"] = "role:chair:sn" });

        Assert.Empty(await harness.OutboxAsync());
    }

    [Fact]
    public async Task When_the_step_does_not_commit_neither_the_task_nor_its_mail_is_there()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(Shipped());
        await harness.PublishAsync(Approval);
        harness.Commits.Enabled = true;

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("approval", new JsonObject { ["to"] = "karin.ek@exempelby.test" }));

        harness.Commits.Enabled = false;
        Assert.Empty(await harness.OutboxAsync());
        await using var session = await harness.Store.BeginAsync();
        Assert.Empty(await session.ListTasksAsync(new TaskQuery(), default));
    }
}
