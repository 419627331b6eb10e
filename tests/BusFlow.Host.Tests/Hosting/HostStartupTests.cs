using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Definitions;
using BusFlow.Hangfire.Roles;
using BusFlow.Host.Configuration;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Hosting;

public sealed class HostStartupTests
{
    [Fact]
    public async Task A_host_started_on_a_folder_with_one_broken_file_serves_its_last_good_version_publishes_the_rest_and_says_it_is_not_ready()
    {
        await using var database = SqliteTestDatabase.Create();
        using (var first = TestWorkflows.Create(("approval.json", TestWorkflows.Approval)))
        {
            await (await RunningHost.StartAsync(database, first.Folder)).DisposeAsync();
        }

        var brokenSecondVersion = TestWorkflows.Approval.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"outcomes\"", "\"outcomez\"", StringComparison.Ordinal);
        using var workflows = TestWorkflows.Create(("approval.json", brokenSecondVersion), ("guarded.json", TestWorkflows.Guarded));

        await using var host = await RunningHost.StartAsync(database, workflows.Folder);

        var store = await database.CreateStoreAsync();
        await using (var session = await store.BeginAsync())
        {
            var latest = await session.ListLatestDefinitionsAsync(CancellationToken.None);
            Assert.Equal([("approval", 1), ("guarded", 1)], latest.Select(d => (d.DefinitionId, d.Version)));
        }

        var started = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = "Budget", approver = "anna@example.se" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var ready = await host.AnonymousClient().GetAsync("/health/ready");
        var body = await ready.ReadJsonAsync();
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var errors = host.Services.GetRequiredService<WorkflowFolderStatus>().Last!.Errors;
        Assert.Equal(errors.Count, body.GetProperty("workflowsFolder").GetProperty("errors").GetInt32());
        Assert.Contains(errors, e => e.JsonPath == "$.root.activities[0].outcomez");
        Assert.All(errors, e => Assert.EndsWith("approval.json", e.File, StringComparison.Ordinal));
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
