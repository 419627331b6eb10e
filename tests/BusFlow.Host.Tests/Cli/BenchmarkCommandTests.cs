using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Cli;

public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task The_benchmark_runs_every_instance_to_completion_and_prints_a_figure_per_operation()
    {
        var run = await CliRun.RunAsync(["benchmark", "--instances", "5"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("BusFlow benchmark: Sqlite, 5 instances", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(5, run.OutputLines.Count(l => l.Contains(" /s ", StringComparison.Ordinal)));
        Assert.Contains(run.OutputLines, l => l.TrimStart().StartsWith("instances page (count, 50 newest, filters)", StringComparison.Ordinal));
        // Each instance journals 20 steps: start, three activities and the waits between them.
        Assert.Contains("5 of 5 instances completed; 100 journal entries written; 0 task mails with links in the outbox", run.OutputLines);
    }

    [Fact]
    public async Task With_templates_every_start_also_writes_its_task_mail()
    {
        var run = await CliRun.RunAsync(["benchmark", "--instances", "5", "--templates", Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "templates")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 of 5 instances completed; 100 journal entries written; 5 task mails with links in the outbox", run.OutputLines);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_clear_error()
    {
        var run = await CliRun.RunAsync(["benchmark", "--provider", "Postgres"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--connection is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_view_benchmark_signs_in_and_prints_a_timing_for_every_page_before_and_after_more_instances()
    {
        var run = await CliRun.RunAsync(["benchmark", "views", "--instances", "20", "--repeats", "2", "--workflows", Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "workflows")]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("BusFlow view benchmark: Sqlite", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(run.OutputLines, l => l.Contains("with 20 more instances", StringComparison.Ordinal));
        var timings = run.OutputLines.Where(l => l.Contains(" p95 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, timings.Count);
        Assert.DoesNotContain(timings, l => l.Contains("answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_view_benchmark_refuses_no_repeats_with_a_clear_error()
    {
        var run = await CliRun.RunAsync(["benchmark", "views", "--repeats", "0"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--repeats at least 1", run.Error, StringComparison.Ordinal);
    }
}
