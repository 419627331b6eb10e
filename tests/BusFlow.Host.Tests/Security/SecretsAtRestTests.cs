using System.Net;
using System.Text;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Security;

/// <summary>What a copy of the database gives away after the demo has run and its mail has gone out: no secret that opens anything.</summary>
public sealed class SecretsAtRestTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_full_dump_of_the_database_after_the_demo_has_run_holds_no_mailed_secret(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-at-rest-{Guid.NewGuid():N}");
        await using var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await using var demo = await DemoMailHost.StartAsync(database, folder);
            await demo.GiveSeveralTasksAsync("anna.berg@exempelby.test");
            var secrets = MailedSecrets.In(await demo.DeliverAllAsync());
            var feed = await demo.NewFeedSecretAsync();

            var dump = await DatabaseDump.AllTablesAsync(database);

            Assert.NotEmpty(secrets.Links);
            Assert.NotEmpty(secrets.Codes);
            Assert.NotEmpty(secrets.Unsubscribes);
            Assert.All(secrets.All.Append(feed), secret => Assert.DoesNotContain(secret, dump, StringComparison.Ordinal));
            if (database is SqliteTestDatabase sqlite)
            {
                // Not even in pages of the file that no query reaches.
                var files = Directory.EnumerateFiles(sqlite.DirectoryPath).Select(file => Encoding.Latin1.GetString(File.ReadAllBytes(file))).ToList();
                Assert.All(secrets.All.Append(feed), secret => Assert.DoesNotContain(files, file => file.Contains(secret, StringComparison.Ordinal)));
            }

            using var reader = new HttpClient();
            var page = await reader.GetAsync(new Uri(demo.Url($"/t/{secrets.Links[0]}")));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }
}
