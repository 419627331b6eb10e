using System.Text.Json;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_json_prints_the_timers_and_tasks_of_a_run_with_Stockholm_local_times()
    {
        using var workflows = TestWorkflows.Create(("reminder.json", TestWorkflows.Reminder));

        var run = await CliRun.RunAsync(["simulate", "--workflow", "reminder", "--json"], FolderSetting(workflows));

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
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

    private static Dictionary<string, string?> FolderSetting(TestWorkflows workflows) =>
        new() { ["BusFlow:Workflows:Folder"] = workflows.Folder };

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
