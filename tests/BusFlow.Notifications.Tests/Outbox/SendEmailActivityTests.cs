using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Notifications.Tests.Outbox;

public sealed class SendEmailActivityTests
{
    private const string Reminder = """
        {
          "id": "reminder",
          "version": 1,
          "name": "Påminnelse",
          "inputs": [ { "name": "to", "type": "string", "required": true }, { "name": "board", "type": "string", "required": true } ],
          "root": {
            "type": "Sequence", "id": "main",
            "activities": [
              { "type": "SendEmail", "id": "remind", "to": { "ref": "input.to" },
                "subject": "Påminnelse: beslut i {{ input.board }}",
                "body": "Hej!\n\nBeslutet i {{ input.board }} ska registreras <senast> fredag." },
              { "type": "Task", "id": "confirm", "assignee": { "ref": "input.to" }, "title": "Bekräfta", "outcomes": ["ok"] }
            ]
          }
        }
        """;

    [Fact]
    public async Task A_step_with_SendEmail_commits_its_outbox_message_with_the_step()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync(Reminder);

        var instance = await harness.StartAsync("reminder", new JsonObject { ["to"] = "asa.oberg@exempelby.test", ["board"] = "BUN" });

        var message = Assert.Single(await harness.OutboxAsync());
        Assert.Equal(InstanceStatus.Waiting, instance.Status);
        Assert.Equal(instance.Id, message.InstanceId);
        Assert.Equal("remind", message.ActivityId);
        Assert.Equal(("asa.oberg@exempelby.test", "Påminnelse: beslut i BUN"), (message.To, message.Subject));
        Assert.Equal("Hej!\n\nBeslutet i BUN ska registreras <senast> fredag.", message.TextBody);
        Assert.Contains("<html lang=\"sv\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Beslutet i BUN ska registreras &lt;senast&gt; fredag.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal((OutboxStatus.Pending, 0, EmailKind.Required, "sv-SE"), (message.Status, message.Attempts, message.Kind, message.Language));
        Assert.Equal(WorkflowOutboxHarness.Start, message.NextAttemptAt);
    }

    [Theory]
    [InlineData("", "2026-11-30T07:00:00Z")]
    [InlineData(", \"urgent\": true", "2026-11-28T22:30:00Z")]
    public async Task A_mail_written_on_a_Saturday_night_waits_for_Monday_mornings_window_unless_the_step_is_urgent(string urgent, string sentFrom)
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync($$"""
            {
              "id": "notice", "version": 1, "name": "Meddelande",
              "root": { "type": "SendEmail", "id": "send", "to": "chair@exempelby.test", "subject": "Kallelse", "body": "Välkommen!"{{urgent}} }
            }
            """);
        harness.Clock.Reset(Instant.FromUtc(2026, 11, 28, 22, 30));

        await harness.StartAsync("notice");

        Assert.Equal(InstantPattern.ExtendedIso.Parse(sentFrom).Value, Assert.Single(await harness.OutboxAsync()).NextAttemptAt);
    }

    [Fact]
    public async Task A_step_whose_commit_fails_leaves_neither_the_instance_nor_the_message()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync();
        await harness.PublishAsync(Reminder);
        harness.Commits.Enabled = true;

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("reminder", new JsonObject { ["to"] = "asa.oberg@exempelby.test", ["board"] = "BUN" }));

        harness.Commits.Enabled = false;
        Assert.Empty(await harness.OutboxAsync());
        await using var session = await harness.Store.BeginAsync();
        Assert.Empty(await session.ListInstancesAsync(new InstanceQuery(), default));
    }

    [Fact]
    public async Task A_template_is_rendered_in_the_language_asked_for_with_the_model_and_the_invitation_passed_through()
    {
        var templates = new RecordingTemplates();
        await using var harness = await WorkflowOutboxHarness.StartAsync(templates);
        await harness.PublishAsync("""
            {
              "id": "invite", "version": 1, "name": "Kallelse",
              "root": { "type": "SendEmail", "id": "send", "to": "chair@exempelby.test", "template": "meeting-invitation", "language": "en-GB", "kind": "optional",
                        "model": { "board": "KUN" }, "calendar": { "method": "request", "content": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" } }
            }
            """);

        var instance = await harness.StartAsync("invite");

        var message = Assert.Single(await harness.OutboxAsync());
        Assert.Equal(("meeting-invitation", "en-GB", "KUN"), templates.Last);
        Assert.Equal(("Invitation: KUN", "en-GB", EmailKind.Optional), (message.Subject, message.Language, message.Kind));
        Assert.Equal(("REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), (message.CalendarMethod, message.CalendarContent));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        await using var session = await harness.Store.BeginAsync();
        var journal = await session.ListJournalAsync(instance.Id, default);
        Assert.Contains(journal, j => j.Kind == JournalKind.ActivityCompleted && j.DataJson != null && j.DataJson.Contains(message.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_model_without_a_link_gets_one_to_the_instance_and_a_given_link_is_kept()
    {
        var templates = new RecordingTemplates();
        await using var harness = await WorkflowOutboxHarness.StartAsync(templates);
        await harness.PublishAsync("""
            {
              "id": "links", "version": 1, "name": "Länkar",
              "root": { "type": "Sequence", "id": "main", "activities": [
                { "type": "SendEmail", "id": "without", "to": "chair@exempelby.test", "template": "meeting-invitation", "model": { "board": "KUN" } },
                { "type": "SendEmail", "id": "with", "to": "chair@exempelby.test", "template": "meeting-invitation", "model": { "link": "https://busflow.exempelby.test/moten/7" } }
              ] }
            }
            """);

        var instance = await harness.StartAsync("links");

        Assert.Equal(["http://localhost:5080/api/instances/" + instance.Id, "https://busflow.exempelby.test/moten/7"], templates.Links);
    }

    [Fact]
    public async Task Definitions_without_a_template_need_subject_and_body_and_an_unknown_template_is_refused()
    {
        await using var harness = await WorkflowOutboxHarness.StartAsync(new RecordingTemplates());

        var noSubject = harness.Loader.Load("""
            { "id": "x", "version": 1, "name": "x", "root": { "type": "SendEmail", "id": "send", "to": "a@exempelby.test", "body": "Hej" } }
            """, "x.json");
        var unknown = harness.Loader.Load("""
            { "id": "y", "version": 1, "name": "y", "root": { "type": "SendEmail", "id": "send", "to": "a@exempelby.test", "template": "nope" } }
            """, "y.json");

        Assert.Contains(noSubject.Errors, e => e.ToString().Contains("'subject' is required when no template is given", StringComparison.Ordinal));
        Assert.Contains(unknown.Errors, e => e.ToString().Contains("no message template 'nope'", StringComparison.Ordinal));
    }

    private sealed class RecordingTemplates : IMessageTemplates
    {
        public (string Template, string Language, string? Board) Last { get; private set; }

        public List<string?> Links { get; } = [];

        public IReadOnlyCollection<string> Names { get; } = ["meeting-invitation"];

        public RenderedMessage Render(string template, string language, JsonObject model)
        {
            Last = (template, language, model["board"]?.GetValue<string>());
            Links.Add(model["link"]?.GetValue<string>());
            return new RenderedMessage($"Invitation: {Last.Board}", "Text", "<html lang=\"en\"></html>", language);
        }
    }
}
