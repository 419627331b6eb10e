using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Pages;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// The data-protection keys behind the forms' antiforgery tokens are in the database encrypted
/// with the installation's certificate: a restarted host with the certificate accepts the forms it
/// gave out, and a host with the database but another certificate cannot forge or accept them.
/// </summary>
public sealed partial class DataProtectionKeyTests
{
    [Fact]
    public async Task The_stored_keys_show_no_master_key_and_a_restarted_host_still_accepts_the_form_it_gave_out()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-keys-{Guid.NewGuid():N}");
        var port = HostProcess.FreePort();
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        try
        {
            string link;
            using var browser = new PageClient(new Uri($"http://127.0.0.1:{port}"));
            await using (var first = await StartAsync(database, workflows, folder, port))
            {
                link = await ApprovalLinkAsync(first);
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Status);
            }

            var stored = await StoredKeysAsync(database);
            await using var restarted = await StartAsync(database, workflows, folder, port);
            var answered = await browser.PostAsync(link, ("outcome", "approve"));

            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotMatch(MasterKeyInClear(), xml);
            });
            Assert.Equal(HttpStatusCode.OK, answered.Status);
            Assert.Equal(HumanTaskStatus.Completed, (await TaskAsync(restarted)).Status);
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }

    [Fact]
    public async Task A_host_with_the_database_but_another_certificate_does_not_accept_the_form()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-keys-{Guid.NewGuid():N}");
        var port = HostProcess.FreePort();
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        try
        {
            string link;
            using var browser = new PageClient(new Uri($"http://127.0.0.1:{port}"));
            await using (var first = await StartAsync(database, workflows, Path.Combine(folder, "first"), port))
            {
                link = await ApprovalLinkAsync(first);
                await browser.GetAsync(link);
            }

            await using var other = await StartAsync(database, workflows, Path.Combine(folder, "other"), port);
            var answered = await browser.PostAsync(link, ("outcome", "approve"));

            Assert.NotEqual(HttpStatusCode.OK, answered.Status);
            Assert.Equal(HumanTaskStatus.Open, (await TaskAsync(other)).Status);
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }

    /// <summary>A host whose key file, and so its data-protection certificate, is in <paramref name="keys"/>.</summary>
    private static Task<RunningHost> StartAsync(TestDatabase database, TestWorkflows workflows, string keys, int port) =>
        RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = $"http://127.0.0.1:{port}",
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
            ["BusFlow:Mail:LinkBaseUrl"] = $"http://127.0.0.1:{port}",
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            ["BusFlow:Links:KeyFile"] = Path.Combine(keys, "link.key"),
            ["BusFlow:Links:RequestsPerMinute"] = "1000",
        });

    /// <summary>Starts an approval for Anna and returns the path of the link in her mail.</summary>
    private static async Task<string> ApprovalLinkAsync(RunningHost host)
    {
        var started = await host.Client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "approval",
            input = new JsonObject { ["subject"] = "Budget 2027", ["approver"] = "anna.berg@exempelby.test" },
        });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        await using var session = await host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var mail = Assert.Single(await session.Facet<IOutbox>().ListAsync(new OutboxQuery(), default));
        return new Uri(TaskPageHost.LinkIn(mail)).PathAndQuery;
    }

    private static async Task<HumanTask> TaskAsync(RunningHost host)
    {
        await using var session = await host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        return Assert.Single(await session.ListTasksAsync(new TaskQuery(), default));
    }

    private static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>How ASP.NET Core writes a key it was not asked to encrypt: the master key's value in a &lt;value&gt; element.</summary>
    [GeneratedRegex("<masterKey[^>]*>.*<value>", RegexOptions.Singleline)]
    private static partial Regex MasterKeyInClear();
}
