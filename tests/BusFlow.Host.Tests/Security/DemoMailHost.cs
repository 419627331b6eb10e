using System.Globalization;
using System.Net.Http.Json;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Reminders;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// The embedded default as a new user runs it: the demo seeded on the first start, the shipped
/// workflows and templates, mail written as .eml files to a folder of its own, on Monday
/// 23 November 2026 at 10:00 in Stockholm (the renewal is under way and the week's digest is due).
/// Links in mail point at the host itself, so a mailed link opens its page.
/// </summary>
public sealed class DemoMailHost : IAsyncDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private DemoMailHost(RunningHost host, string folder)
    {
        Host = host;
        Folder = folder;
    }

    public RunningHost Host { get; }

    /// <summary>The host's own folder: mail/ for the .eml files, and whatever a test puts there.</summary>
    public string Folder { get; }

    public string MailFolder => Path.Combine(Folder, "mail");

    public static async Task<DemoMailHost> StartAsync(TestDatabase database, string folder, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = url,
            ["BusFlow:Demo:SeedOnFirstStart"] = "true",
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
            ["BusFlow:Mail:Mode"] = MailOptions.FolderMode,
            ["BusFlow:Mail:Folder"] = Path.Combine(folder, "mail"),
            ["BusFlow:Mail:LinkBaseUrl"] = url,
            // Delivered when the test says so, as the recurring job would.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            ["BusFlow:Links:RequestsPerMinute"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await RunningHost.StartAsync(database, Path.Combine(RepositoryRoot.Path, "workflows"), settings, new FakeClock(Now));
        return new DemoMailHost(host, folder);
    }

    /// <summary>
    /// Gives a person two more open tasks (the shipped example approval), so that the week's digest,
    /// with its unsubscribe link, goes to them too.
    /// </summary>
    public async Task GiveSeveralTasksAsync(string person)
    {
        foreach (var subject in new[] { "Budget 2027", "Verksamhetsplan 2027" })
        {
            var started = await Host.Client.PostAsJsonAsync("/api/instances", new
            {
                definitionId = "example-approval",
                input = new { subject, approver = person, deputy = "kansliet@exempelby.test", due = "2026-12-18" },
            });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Makes the week's digests and delivers the outbox, as the jobs would; returns every mail written.</summary>
    public async Task<IReadOnlyList<MimeMessage>> DeliverAllAsync()
    {
        await Host.Services.GetRequiredService<WeeklyDigest>().SendDueAsync(CancellationToken.None);
        var report = await Host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
        Assert.Equal(0, report.Failed + report.Retrying);
        return [.. Directory.EnumerateFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))];
    }

    /// <summary>Issues a calendar feed for a board and returns the secret in its URL.</summary>
    public async Task<string> NewFeedSecretAsync(string board = "sn")
    {
        var response = await Host.Client.PostAsJsonAsync("/api/feeds", new { subject = $"board:{board}" });
        var url = (await response.ReadAsync<FeedResponse>()).Url;
        var name = url[(url.LastIndexOf('/') + 1)..];
        return name.EndsWith(".ics", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>The host's address, for a path of its own.</summary>
    public string Url(string path) => string.Create(CultureInfo.InvariantCulture, $"{Host.Client.BaseAddress!.ToString().TrimEnd('/')}{path}");

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
