using System.Text.Json;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_json_prints_the_timers_and_tasks_of_a_run_with_Stockholm_local_times()
    {
        using var workflows = TestWorkflows.Create(("reminder.json", TestWorkflows.Reminder));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "reminder", "--json"], FolderSetting(workflows));

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        // The last line is the run's summary; every line before it is an event.
        Assert.Equal("summary", Text(lines[^1], "kind"));
        var events = lines[..^1];
        Assert.Equal(
            [
                // 2026-01-01 00:00 in Stockholm is still 2025 in UTC (CET, +01:00).
                ("instanceStarted", "2025-12-31T23:00:00Z", "2026-01-01 00:00", null),
                ("timerScheduled", "2025-12-31T23:00:00Z", "2026-01-01 00:00", "wait"),
                // Three calendar months later, across the change to summer time (CEST, +02:00).
                ("timerFired", "2026-03-31T22:00:00Z", "2026-04-01 00:00", "wait"),
                ("taskCreated", "2026-03-31T22:00:00Z", "2026-04-01 00:00", "confirm"),
                // Answered two Swedish working days later at 10:00 local time: Thursday 2 April, then
                // past Good Friday, the weekend and Easter Monday, Tuesday 7 April.
                ("taskCompleted", "2026-04-07T08:00:00Z", "2026-04-07 10:00", "confirm"),
                ("instanceCompleted", "2026-04-07T08:00:00Z", "2026-04-07 10:00", null),
            ],
            events.Select(e => (Text(e, "kind"), Text(e, "instant"), Text(e, "local"), Text(e, "activity"))));
        var created = events[3];
        Assert.Equal("Confirm the renewal", Text(created, "subject"));
        Assert.Equal("clerk@example.se", Text(created, "recipient"));
        Assert.Equal("2026-04-15", Text(created, "due"));
        Assert.Equal("2026-04-01 00:00", Text(events[1], "due"));
        Assert.Equal("done", Text(events[4], "outcome"));
        Assert.All(events, e => Assert.Equal("reminder", Text(e, "workflow")));
        Assert.Single(events.Select(e => Text(e, "instance")).Distinct());
    }

    [Fact]
    public async Task Simulate_prints_lines_for_people_and_says_when_the_instance_is_still_waiting_at_the_end()
    {
        using var workflows = TestWorkflows.Create(("reminder.json", TestWorkflows.Reminder));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "reminder", "--answer", "never", "--to", "2026-06-01"], FolderSetting(workflows));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-04-01 00:00  timer fired  reminder/wait", run.OutputLines);
        Assert.Contains("2026-04-01 00:00  task created  reminder/confirm  \"Confirm the renewal\" for clerk@example.se, due 2026-04-15", run.OutputLines);
        Assert.Equal("reminder is still waiting at 2026-06-01 00:00 (Europe/Stockholm).", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Simulate_exits_1_and_prints_the_fault_when_the_instance_faults()
    {
        using var workflows = TestWorkflows.Create(("guarded.json", TestWorkflows.Guarded));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "guarded", "--input", """{"fail": true}"""], FolderSetting(workflows));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.OutputLines, line => line.EndsWith("instance faulted  guarded/stop  asked to fail", StringComparison.Ordinal));
        Assert.Equal("guarded faulted at stop: asked to fail", run.Error.Trim());
    }

    [Fact]
    public async Task Simulate_reads_the_input_from_a_file_given_with_an_at_sign()
    {
        using var workflows = TestWorkflows.Create(("guarded.json", TestWorkflows.Guarded));
        var inputFile = Path.Combine(workflows.Folder, "input.txt");
        await File.WriteAllTextAsync(inputFile, """{"fail": false}""");

        var run = await CliRun.RunAsync(["simulate", "--workflow", "guarded", "--input", "@" + inputFile], FolderSetting(workflows));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("guarded is completed.", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Simulate_refuses_an_input_that_does_not_fit_the_workflow()
    {
        using var workflows = TestWorkflows.Create(("guarded.json", TestWorkflows.Guarded));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "guarded", "--input", "{}"], FolderSetting(workflows));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the input 'fail' is required", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Waits until 1 April, then puts a meeting's invitation in the outbox for the chair.</summary>
    private const string Invitation = """
        {
          "id": "invitation",
          "version": 1,
          "name": "Kallelse",
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "WaitUntil", "id": "wait", "date": "2026-04-01", "time": "09:00" },
              {
                "type": "SendEmail",
                "id": "invite",
                "to": "ordforande@exempelby.test",
                "subject": "Kallelse till presidiemötet",
                "body": "Välkommen.",
                "calendar": { "method": "REQUEST", "content": "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n" }
              }
            ]
          }
        }
        """;

    [Fact]
    public async Task Simulate_json_shows_a_SendEmail_step_as_a_mail_with_its_recipient_subject_kind_and_calendar_method()
    {
        using var workflows = TestWorkflows.Create(("invitation.json", Invitation));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "invitation", "--json"], FolderSetting(workflows));

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var mail = Assert.Single(events, e => Text(e, "kind") == "mail");
        // 09:00 in Stockholm on 1 April is summer time: 07:00 UTC.
        Assert.Equal(("2026-04-01T07:00:00Z", "2026-04-01 09:00", "invitation", "invite"), (Text(mail, "instant"), Text(mail, "local"), Text(mail, "workflow"), Text(mail, "activity")));
        Assert.Equal(Text(events[0], "instance"), Text(mail, "instance"));
        var details = mail.GetProperty("mail");
        Assert.Equal(
            ("ordforande@exempelby.test", "Kallelse till presidiemötet", "required", "REQUEST"),
            (Text(details, "to"), Text(details, "subject"), Text(details, "kind"), Text(details, "calendarMethod")));
        // The mail follows the step that wrote it and comes before the end of the instance.
        Assert.Equal("instanceCompleted", Text(events[events.IndexOf(mail) + 1], "kind"));
    }

    [Fact]
    public async Task Simulate_shows_each_mail_on_one_line_and_a_task_rendered_from_the_templates_with_its_Swedish_subject()
    {
        using var workflows = TestWorkflows.Create(("reminder.json", TestWorkflows.Reminder), ("invitation.json", Invitation));
        var templates = Path.Combine(RepositoryRoot.Path, "templates");

        var task = await CliRun.RunAsync(["simulate", "--workflow", "reminder", "--answer", "never", "--to", "2026-06-01", "--templates", templates], FolderSetting(workflows));
        var invitation = await CliRun.RunAsync(["simulate", "--workflow", "invitation", "--templates", templates], FolderSetting(workflows));

        Assert.True(task.ExitCode == 0, task.Error);
        var created = task.OutputLines.ToList().IndexOf("2026-04-01 00:00  task created  reminder/confirm  \"Confirm the renewal\" for clerk@example.se, due 2026-04-15");
        Assert.True(created >= 0, task.Output);
        // Written with the task at midnight, the mail waits for the window to open at 08:00.
        Assert.Equal("2026-04-01 00:00  mail  reminder/confirm  to clerk@example.se: \"Ny uppgift i BusFlow: Confirm the renewal\" (required), sent 2026-04-01 08:00", task.OutputLines[created + 1]);
        Assert.Contains("2026-04-01 09:00  mail  invitation/invite  to ordforande@exempelby.test: \"Kallelse till presidiemötet\" (required, calendar METHOD:REQUEST)", invitation.OutputLines);
    }

    [Fact]
    public async Task Simulate_refuses_a_templates_folder_that_does_not_exist()
    {
        using var workflows = TestWorkflows.Create(("reminder.json", TestWorkflows.Reminder));
        var missing = Path.Combine(workflows.Folder, "no-templates");

        var run = await CliRun.RunAsync(["simulate", "--workflow", "reminder", "--templates", missing], FolderSetting(workflows));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"The templates folder '{missing}' does not exist.", run.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> FolderSetting(TestWorkflows workflows) =>
        new() { ["BusFlow:Workflows:Folder"] = workflows.Folder };

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
