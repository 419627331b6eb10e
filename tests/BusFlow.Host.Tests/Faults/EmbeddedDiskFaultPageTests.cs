using System.Net;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Pages;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// A person answering by the mailed link while the embedded database's disk is read-only or full is
/// told so on the page, in her language, and that nothing was changed; with the disk back, the same
/// answer goes through.
/// </summary>
[Collection(FaultsCollection.Name)]
[Trait(FaultsCollection.Category, FaultsCollection.Name)]
public sealed class EmbeddedDiskFaultPageTests
{
    [Fact]
    public async Task An_answer_by_link_on_a_read_only_disk_gets_a_page_that_says_so_and_the_task_stays_open()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-disk-page-{Guid.NewGuid():N}");
        await using var disk = await TinyFilesystem.MountAsync(folder, megabytes: 64);
        // The database in a folder of the disk, so that it can go before the disk does.
        await using var host = await TaskPageHost.StartAsync(on: SqliteTestDatabase.In(Path.Combine(folder, "db")));
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        await host.Database.ScalarAsync("PRAGMA wal_checkpoint(TRUNCATE)");

        await disk.MakeReadOnlyAsync();
        var swedish = await browser.PostAsync(link, ("outcome", "approve"));
        var english = await browser.PostAsync(link + "?lang=en", ("outcome", "approve"));
        await disk.MakeWritableAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Ditt svar kunde inte sparas: databasen är skrivskyddad"), (swedish.Status, swedish.Heading));
        Assert.Contains("Inget har ändrats", swedish.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Your answer could not be saved: the database is read-only"), (english.Status, english.Heading));
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
        var retried = await browser.PostAsync(link, ("outcome", "approve"));
        Assert.True(retried.Status is HttpStatusCode.OK or HttpStatusCode.SeeOther or HttpStatusCode.Redirect, $"The answer after the disk came back answered {retried.Status}.");
        Assert.Equal(HumanTaskStatus.Completed, (await host.TaskAsync(task.Id)).Status);
    }
}
