using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Storage.Jobs;
using BusFlow.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Hosting;

public sealed class HostStartupTests
{
    [Fact]
    public async Task The_host_does_not_start_and_publishes_nothing_when_one_definition_file_is_invalid()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Create(("approval.json", TestWorkflows.Approval), ("broken.json", """{ "id": "broken", "version": 1 }"""));

        var start = () => RunningHost.StartAsync(database, workflows.Folder);

        var error = await Assert.ThrowsAsync<HostStartupException>(start);
        Assert.Contains("error(s) in the workflow definitions", error.Message, StringComparison.Ordinal);
        var store = await database.CreateStoreAsync();
        await using var session = await store.BeginAsync();
        Assert.Empty(await session.ListLatestDefinitionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_restart_on_the_same_database_publishes_nothing_new_and_keeps_serving()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        await (await RunningHost.StartAsync(database, workflows.Folder)).DisposeAsync();

        await using var again = await RunningHost.StartAsync(database, workflows.Folder);

        var health = await again.Client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_started_host_hands_role_tasks_over_every_night_at_a_quarter_past_midnight_Stockholm_time()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        await using var host = await RunningHost.StartAsync(database, workflows.Folder);

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == RoleHandOverJob.RecurringJobId);

        Assert.Equal(("15 0 * * *", "Europe/Stockholm"), (job.Cron, job.TimeZoneId));
    }

    [Fact]
    public void The_repository_settings_file_is_found_beside_the_executable_when_the_current_directory_has_none()
    {
        var settings = BusFlowSettings.From(BusFlowConfiguration.Load());

        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, BusFlowConfiguration.FileName)));
        Assert.Equal("Europe/Stockholm", settings.TimeZone.Id);
        Assert.Equal("workflows", settings.WorkflowsFolder);
    }

    [Fact]
    public void Settings_passed_by_the_caller_win_over_the_settings_file()
    {
        var settings = BusFlowSettings.From(BusFlowConfiguration.Load(new Dictionary<string, string?>
        {
            ["BusFlow:Storage:Provider"] = "Postgres",
            ["BusFlow:Storage:ConnectionString"] = "Host=db;Database=busflow",
            ["BusFlow:Jobs:SweepCron"] = "*/2 * * * *",
            ["BusFlow:TimeZone"] = "Europe/Helsinki",
        }));

        Assert.Equal("Postgres", settings.Storage.Provider);
        Assert.Equal("Host=db;Database=busflow", settings.Storage.ConnectionString);
        Assert.Equal("*/2 * * * *", settings.Jobs.SweepCron);
        Assert.Equal("Europe/Helsinki", settings.TimeZone.Id);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_its_name()
    {
        var configuration = BusFlowConfiguration.Load(new Dictionary<string, string?> { ["BusFlow:TimeZone"] = "Mars/Olympus" });

        var error = Assert.Throws<InvalidOperationException>(() => BusFlowSettings.From(configuration));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
