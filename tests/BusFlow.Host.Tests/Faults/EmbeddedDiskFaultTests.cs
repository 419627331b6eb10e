using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Storage;
using BusFlow.Testing;
using Xunit.Abstractions;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// The embedded default (SQLite) on a disk that fills up or turns read-only under a running
/// `busflow serve`: each request that cannot be saved is told why, the log says it too, and
/// nothing is half-done — an instance or an answer is there whole, or not at all.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait(FaultsCollection.Category, FaultsCollection.Name)]
public sealed class EmbeddedDiskFaultTests(ITestOutputHelper output)
{
    private const int Prepared = 20;

    [Theory]
    [InlineData("full", DatabaseWriteRefusal.DiskFull, "diskFull")]
    [InlineData("read-only", DatabaseWriteRefusal.ReadOnly, "readOnly")]
    public async Task On_a_disk_that_cannot_be_written_a_start_or_an_answer_is_refused_with_the_reason_and_nothing_is_half_done(string fault, string reason, string kind)
    {
        var wall = Stopwatch.StartNew();
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-disk-{Guid.NewGuid():N}");
        await using var database = SqliteTestDatabase.In(folder);
        await using var disk = await TinyFilesystem.MountAsync(folder, megabytes: 64);
        using var workflows = TestWorkflows.Standard();
        await using var host = await HostProcess.StartAsync(database, workflows.Folder, "InMemory", HostProcess.FreePort());
        var tasks = new List<Guid>();
        for (var n = 0; n < Prepared; n++)
        {
            tasks.Add(await OpenTaskOfAsync(host, await StartAsync(host, n)));
        }

        // An empty write-ahead log, so that the next write needs new room on the disk.
        await database.ScalarAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        if (fault == "full")
        {
            await disk.FillAsync();
        }
        else
        {
            await disk.MakeReadOnlyAsync();
        }

        // Until the database refuses, or every prepared task was tried: a write may still find room in pages it had.
        var answered = new List<Guid>();
        var refused = new List<(Guid Task, HttpResponseMessage Response)>();
        foreach (var task in tasks)
        {
            var response = await host.Client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "approve" });
            if (response.IsSuccessStatusCode)
            {
                answered.Add(task);
                continue;
            }

            refused.Add((task, response));
            break;
        }

        var startRefused = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = "Efter felet", approver = "chair@kommun.test" } });

        if (fault == "full")
        {
            disk.Free();
        }
        else
        {
            await disk.MakeWritableAsync();
        }

        output.WriteLine($"{fault}: {answered.Count} answers saved before the first refusal; the start answered {(int)startRefused.StatusCode}; wall time {wall.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine(string.Join(Environment.NewLine, host.Output.TakeLast(40)));
        var (refusedTask, refusal) = Assert.Single(refused);
        var refusedAnswer = await Problems.AssertAsync(refusal, HttpStatusCode.ServiceUnavailable, reason);
        var refusedStart = await Problems.AssertAsync(startRefused, HttpStatusCode.ServiceUnavailable, reason);
        Assert.Equal((kind, kind), (refusedAnswer.GetProperty("storageRefusal").GetString(), refusedStart.GetProperty("storageRefusal").GetString()));
        Assert.Contains(host.Output, line => line.Contains(reason, StringComparison.Ordinal));

        // Whole or not at all: each answer saved completed its instance, the refused one left its task open,
        // and the refused start left no instance behind; with room again, the refused answer goes through.
        var instances = await host.Client.GetFromJsonAsync<JsonArray>("/api/instances?definitionId=approval&take=500");
        Assert.Equal(Prepared, instances!.Count);
        foreach (var task in answered)
        {
            Assert.Equal("completed", await TaskStatusAsync(host, task));
        }

        Assert.Equal("open", await TaskStatusAsync(host, refusedTask));
        var retried = await host.Client.PostAsJsonAsync($"/api/tasks/{refusedTask}/complete", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = "Efter felet", approver = "chair@kommun.test" } })).StatusCode);
    }

    private static async Task<Guid> StartAsync(HostProcess host, int n)
    {
        var started = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = $"Ärende {n}", approver = "chair@kommun.test" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OpenTaskOfAsync(HostProcess host, Guid instance)
    {
        var tasks = await host.Client.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}&status=open");
        return Guid.Parse((string)Assert.Single(tasks!)!["id"]!);
    }

    private static async Task<string?> TaskStatusAsync(HostProcess host, Guid task) =>
        (string?)(await host.Client.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!["status"];
}
