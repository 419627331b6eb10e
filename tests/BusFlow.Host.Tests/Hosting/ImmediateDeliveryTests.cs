using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>Mail a person waits for goes out when its transaction commits, not at the next scheduled delivery.</summary>
public sealed class ImmediateDeliveryTests
{
    private const string Notice = """
        {
          "id": "notice",
          "version": 1,
          "name": "Meddelande",
          "inputs": [ { "name": "to", "type": "string", "required": true } ],
          "root": { "type": "SendEmail", "id": "send", "to": { "ref": "input.to" }, "subject": "Ny uppgift", "body": "Hej!", "urgent": true }
        }
        """;

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public async Task Mail_written_by_a_request_is_in_the_mail_folder_moments_later_while_the_scheduled_delivery_never_runs(string deliverAfterCommit, int expected)
    {
        var mailFolder = Path.Combine(Path.GetTempPath(), $"busflow-mail-{Guid.NewGuid():N}");
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Create(("notice.json", Notice));
        await using var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Mail:Mode"] = "Folder",
            ["BusFlow:Mail:Folder"] = mailFolder,
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = deliverAfterCommit,
        });
        try
        {
            var started = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "notice", input = new JsonObject { ["to"] = "asa.oberg@exempelby.test" } });
            started.EnsureSuccessStatusCode();

            var files = await MailFilesAsync(mailFolder, expected, TimeSpan.FromSeconds(10));

            Assert.Equal(expected, files);
        }
        finally
        {
            if (Directory.Exists(mailFolder))
            {
                Directory.Delete(mailFolder, recursive: true);
            }
        }
    }

    /// <summary>Waits until <paramref name="expected"/> mails are there; with none expected, the whole time, to see that none comes.</summary>
    private static async Task<int> MailFilesAsync(string folder, int expected, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + (expected == 0 ? TimeSpan.FromSeconds(3) : atMost);
        while (true)
        {
            var count = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;
            if ((expected > 0 && count >= expected) || DateTime.UtcNow > until)
            {
                return count;
            }

            await Task.Delay(100);
        }
    }
}
