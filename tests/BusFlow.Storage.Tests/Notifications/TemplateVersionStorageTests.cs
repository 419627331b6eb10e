using BusFlow.Notifications.Templates;
using BusFlow.Storage.Notifications;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Storage.Tests.Notifications;

/// <summary>Saved mail template versions on both databases: the newest of each template and language, and the second of two saves of the same number refused.</summary>
public sealed class TemplateVersionStorageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_newest_version_of_each_template_and_language_is_read_and_the_latest_id_moves_with_each_save(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var versions = await VersionsAsync(database);
        Assert.Equal(0, versions.LatestId());

        Assert.True(await versions.TryAddAsync(Version("task-assigned", "sv-SE", 1), default));
        Assert.True(await versions.TryAddAsync(Version("task-assigned", "sv-SE", 2), default));
        Assert.True(await versions.TryAddAsync(Version("task-assigned", "en-GB", 1), default));
        var last = Version("task-reminder", "sv-SE", 1);
        Assert.True(await versions.TryAddAsync(last, default));

        Assert.Equal(last.Id, versions.LatestId());
        Assert.Equal(["task-assigned en-GB 1", "task-assigned sv-SE 2", "task-reminder sv-SE 1"],
            versions.Newest().Select(v => $"{v.Name} {v.Language} {v.Number}").Order(StringComparer.Ordinal));
        Assert.Equal([2, 1, 1], (await versions.HistoryAsync("task-assigned", default)).Select(v => v.Number));
        Assert.Equal("Ämne 2", (await versions.FindAsync(versions.Newest().Single(v => v.Number == 2).Id, default))?.Subject);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_version_with_the_same_number_is_refused_and_not_stored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var versions = await VersionsAsync(database);
        Assert.True(await versions.TryAddAsync(Version("task-moved", "sv-SE", 1), default));

        var second = await versions.TryAddAsync(Version("task-moved", "sv-SE", 1, savedBy: "bo@kommun.example"), default);

        Assert.False(second);
        Assert.Equal(["chef@kommun.example"], (await versions.HistoryAsync("task-moved", default)).Select(v => v.SavedBy));
    }

    private static async Task<ITemplateVersions> VersionsAsync(TestDatabase database)
    {
        await database.CreateStoreAsync();
        var services = database.BuildServices(s => s.AddSingleton<ITemplateVersions, EfTemplateVersions>());
        return services.GetRequiredService<ITemplateVersions>();
    }

    private static TemplateVersion Version(string name, string language, int number, string savedBy = "chef@kommun.example") => new()
    {
        Name = name,
        Language = language,
        Number = number,
        Subject = $"Ämne {number}",
        PlainText = "Hej!\n",
        Html = "<p>Hej!</p>\n",
        SavedBy = savedBy,
        SavedAt = Instant.FromUtc(2026, 11, 29, 9, number),
        Note = $"Version {number}",
    };
}
