using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>
/// Where the host listens — --urls, then ASPNETCORE_URLS (the "urls" setting), then BusFlow:Urls —
/// and that the links in mail follow that address unless BusFlow:Mail:LinkBaseUrl is set.
/// </summary>
public sealed partial class ListenAddressTests
{
    [Fact]
    public void The_urls_setting_wins_over_BusFlow_Urls_which_wins_over_the_default()
    {
        Assert.Equal("http://localhost:5080", UrlsFrom(new Dictionary<string, string?> { ["BusFlow:Urls"] = "" }));
        Assert.Equal("http://127.0.0.1:6000", UrlsFrom(new Dictionary<string, string?> { ["BusFlow:Urls"] = "http://127.0.0.1:6000" }));
        Assert.Equal("http://127.0.0.1:7000", UrlsFrom(new Dictionary<string, string?> { ["BusFlow:Urls"] = "http://127.0.0.1:6000", ["urls"] = "http://127.0.0.1:7000" }));
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080")]
    [InlineData("http://*:5080", "http://localhost:5080")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080")]
    [InlineData("http://127.0.0.1:5080;https://busflow.kommun.test:5443", "https://busflow.kommun.test:5443")]
    [InlineData("http://busflow.kommun.test", "http://busflow.kommun.test")]
    public void A_link_names_the_listening_address_with_localhost_for_every_interface_and_https_first(string urls, string linkBase) =>
        Assert.Equal(linkBase, MailLinkAddress.LinkBaseOf(urls.Split(';')));

    [Fact]
    public async Task A_host_configured_with_the_urls_setting_listens_there_and_not_at_BusFlow_Urls()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var port = HostProcess.FreePort();

        await using var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["BusFlow:Urls"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
        });

        Assert.Equal(port, host.Client.BaseAddress!.Port);
        Assert.True((await host.Client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_busflow_process_listens_at_ASPNETCORE_URLS_rather_than_at_BusFlow_Urls()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var (environmentPort, settingsPort) = (HostProcess.FreePort(), HostProcess.FreePort());

        await using var process = await HostProcess.StartAsync(
            database,
            workflows.Folder,
            new Uri($"http://127.0.0.1:{environmentPort}"),
            new Dictionary<string, string?> { ["BusFlow:Urls"] = $"http://127.0.0.1:{settingsPort}" },
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environmentPort}" });

        Assert.True((await process.Client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode);
        await AssertNothingListensAsync(settingsPort);
    }

    [Fact]
    public async Task The_busflow_process_listens_at_urls_given_on_the_command_line_rather_than_at_ASPNETCORE_URLS()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var (argumentPort, environmentPort) = (HostProcess.FreePort(), HostProcess.FreePort());

        await using var process = await HostProcess.StartAsync(
            database,
            workflows.Folder,
            new Uri($"http://127.0.0.1:{argumentPort}"),
            new Dictionary<string, string?>(),
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environmentPort}" },
            ["--urls", $"http://127.0.0.1:{argumentPort}"]);

        Assert.True((await process.Client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode);
        await AssertNothingListensAsync(environmentPort);
    }

    [Fact]
    public async Task A_mailed_link_of_a_host_on_a_random_port_points_at_that_port()
    {
        await using var mailed = await MailedLinkAsync(linkBaseUrl: null);

        Assert.StartsWith($"http://127.0.0.1:{mailed.Port}/t/", mailed.Link, StringComparison.Ordinal);
        Assert.NotEqual(0, mailed.Port);
    }

    [Fact]
    public async Task A_configured_link_base_url_is_kept_whatever_the_host_listens_on()
    {
        await using var mailed = await MailedLinkAsync(linkBaseUrl: "https://busflow.exempelby.test");

        Assert.StartsWith("https://busflow.exempelby.test/t/", mailed.Link, StringComparison.Ordinal);
    }

    private static string UrlsFrom(Dictionary<string, string?> settings) => BusFlowSettings.From(BusFlowConfiguration.Load(settings)).Urls;

    private static async Task AssertNothingListensAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{port}/health")));
    }

    /// <summary>Monday 23 November 2026, 10:00 in Stockholm: a new task's mail goes out at once only inside the working-day window.</summary>
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>Starts a host on port 0 that writes mail to a folder, starts a task for an address, delivers the mail and reads its link.</summary>
    private static async Task<MailedLink> MailedLinkAsync(string? linkBaseUrl)
    {
        var database = SqliteTestDatabase.Create();
        var workflows = TestWorkflows.Standard();
        var mailFolder = Directory.CreateTempSubdirectory("busflow-mail-").FullName;
        RunningHost? host = null;
        try
        {
            host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
            {
                ["BusFlow:Urls"] = "http://127.0.0.1:0",
                ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
                ["BusFlow:Mail:Mode"] = MailOptions.FolderMode,
                ["BusFlow:Mail:Folder"] = mailFolder,
                ["BusFlow:Mail:LinkBaseUrl"] = linkBaseUrl,
                ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
                ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            }, new FakeClock(MondayMorning));
            var started = await host.Client.PostAsJsonAsync("/api/instances", new
            {
                definitionId = "approval",
                input = new JsonObject { ["subject"] = "Budget", ["approver"] = "anna.berg@exempelby.test" },
            });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            await host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
            var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(mailFolder, "*.eml")));
            var text = mail.TextBody ?? "";
            var link = TaskLink().Match(text) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No task link in:{Environment.NewLine}{text}");
            return new MailedLink(host, database, workflows, mailFolder, host.Client.BaseAddress!.Port, link);
        }
        catch
        {
            await HostTeardown.DisposeAsync(host, database, workflows, mailFolder);
            throw;
        }
    }

    [GeneratedRegex(@"https?://\S+/t/[A-Za-z0-9_-]+")]
    private static partial Regex TaskLink();

    private sealed record MailedLink(RunningHost Host, TestDatabase Database, TestWorkflows Workflows, string Folder, int Port, string Link) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await HostTeardown.DisposeAsync(Host, Database, Workflows, Folder);
    }
}
