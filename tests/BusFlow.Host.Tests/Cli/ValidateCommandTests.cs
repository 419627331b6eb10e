using System.Text.RegularExpressions;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed partial class ValidateCommandTests
{
    [Fact]
    public async Task A_folder_with_a_broken_file_exits_1_and_prints_each_error_as_file_path_reason()
    {
        using var workflows = TestWorkflows.Create(
            ("approval.json", TestWorkflows.Approval),
            ("broken.json", """
                {
                  "id": "Broken Id",
                  "version": 1,
                  "name": "Broken",
                  "root": { "type": "Delay", "id": "wait", "duration": "two weeks" }
                }
                """));

        var run = await CliRun.RunAsync(["validate", workflows.Folder]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.All(run.ErrorLines, line => Assert.Matches(ErrorLine(), line));
        Assert.Contains(run.ErrorLines, line => line.EndsWith("broken.json: $.id: 'Broken Id' is not a valid id: use lower-case letters, digits and hyphens, e.g. spring-review", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("broken.json: $.root.duration: 'two weeks' is not an ISO-8601 duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_database_a_changed_file_that_keeps_its_published_version_is_an_error_before_the_next_start()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Storage:Provider"] = database.Provider,
            ["BusFlow:Storage:ConnectionString"] = database.ConnectionString,
            ["BusFlow:Workflows:Folder"] = workflows.Folder,
        };
        await (await RunningHost.StartAsync(database, workflows.Folder)).DisposeAsync();
        File.WriteAllText(Path.Combine(workflows.Folder, "approval.json"),
            TestWorkflows.Approval.Replace("Godkänn: ", "Godkänn nu: ", StringComparison.Ordinal));

        var filesOnly = await CliRun.RunAsync(["validate"], settings);
        var againstDatabase = await CliRun.RunAsync(["validate", "--database"], settings);

        Assert.Equal(0, filesOnly.ExitCode);
        Assert.Equal(1, againstDatabase.ExitCode);
        var error = Assert.Single(againstDatabase.ErrorLines);
        Assert.EndsWith("approval.json: $.version: version 1 of 'approval' is already published with other content; a published version never changes, so publish this as version 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_folder_exits_0_and_says_how_many_definitions_are_valid()
    {
        using var workflows = TestWorkflows.Standard();

        var run = await CliRun.RunAsync(["validate", workflows.Folder]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 definitions valid", run.Output.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Without_a_folder_argument_the_configured_workflows_folder_is_validated()
    {
        using var workflows = TestWorkflows.Create(("approval.json", TestWorkflows.Approval));

        var run = await CliRun.RunAsync(["validate"], new Dictionary<string, string?> { ["BusFlow:Workflows:Folder"] = workflows.Folder });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 definition valid", run.Output.Trim());
    }

    [Fact]
    public async Task The_repositorys_own_workflows_folder_is_valid()
    {
        var run = await CliRun.RunAsync(["validate", Path.Combine(RepositoryRoot.Path, "workflows")]);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [GeneratedRegex(@"^\S*broken\.json: \$[^ ]*: .+$")]
    private static partial Regex ErrorLine();
}
