using System.Net;
using System.Text.RegularExpressions;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>What an operator sees when BusFlow starts with no administrator: the setup link on the console and in the log.</summary>
public sealed partial class SetupLinkAnnouncementTests
{
    [Fact]
    public async Task A_start_with_no_administrator_prints_a_setup_link_that_opens_the_setup_page_and_a_start_with_one_prints_none()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var port = HostProcess.FreePort();
        List<string> printed;
        await using (var first = await HostProcess.StartAsync(database, workflows.Folder, new Uri($"http://127.0.0.1:{port}"),
            new Dictionary<string, string?> { ["BusFlow:Urls"] = $"http://127.0.0.1:{port}", ["Logging:LogLevel:Default"] = "Information" }, signInAsAdministrator: false))
        {
            printed = await PrintedLinksAsync(first);
            using var browser = new SessionClient(first.Client.BaseAddress!);
            Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(new Uri(printed[0]).PathAndQuery)).StatusCode);
        }

        await TestAccounts.AdministratorTokenInAsync(database);
        await using var second = await HostProcess.StartAsync(database, workflows.Folder, new Uri($"http://127.0.0.1:{port}"),
            new Dictionary<string, string?> { ["BusFlow:Urls"] = $"http://127.0.0.1:{port}", ["Logging:LogLevel:Default"] = "Information" }, signInAsAdministrator: false);

        // Once on the console for the operator, once as a warning in the log.
        Assert.Equal(2, printed.Count);
        Assert.Single(printed.Distinct());
        Assert.StartsWith($"http://127.0.0.1:{port}/installera/bfs_", printed[0], StringComparison.Ordinal);
        Assert.DoesNotContain(second.Output, line => line.Contains("/installera/", StringComparison.Ordinal));
    }

    /// <summary>The setup links the process printed, once both the console line and the log line have come through the pipe.</summary>
    private static async Task<List<string>> PrintedLinksAsync(HostProcess host)
    {
        for (var waited = 0; ; waited += 100)
        {
            var links = host.Output.SelectMany(line => SetupLink().Matches(line)).Select(m => m.Value).ToList();
            if (links.Count >= 2 || waited > 10_000)
            {
                return links;
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"http://\S+/installera/bfs_[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}
