using System.Net;
using System.Text.RegularExpressions;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// The limit of five wrong confirmation codes, over real HTTP: it counts per code, whichever page
/// the guesses come by (the link's or the code page's), and it counts every guess that comes at once.
/// </summary>
public sealed partial class TaskLinkConfirmationGuessTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    public async Task Wrong_codes_on_the_link_page_and_the_code_page_count_together_and_the_fifth_burns_the_mailed_code(int byLink, int byCodePage)
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("signing");

        var answer = await GuessThenConfirmAsync(host, task, byLink, byCodePage);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Koden stämmer inte eller har gått ut", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task Four_wrong_codes_by_both_pages_together_leave_the_mailed_code_good_for_signing()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("signing");

        var answer = await GuessThenConfirmAsync(host, task, byLink: 2, byCodePage: 2);

        Assert.Equal((HttpStatusCode.OK, "Tack, ditt svar är mottaget"), (answer.Status, answer.Heading));
        Assert.Equal(HumanTaskStatus.Completed, (await host.TaskAsync(task.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Twenty_wrong_codes_sent_at_once_are_all_counted_and_the_mailed_code_is_refused_after_them(string provider)
    {
        await using var host = await TaskPageHost.StartAsync(provider: provider);
        var task = await host.StartAsync("signing");
        var link = await host.LinkAsync(task);
        using var reader = host.NewClient();
        await reader.GetAsync(link);
        await reader.PostAsync(link, ("outcome", "sign"));
        var mailed = Assert.Single(await ConfirmationCodesAsync(host));
        var guessers = Enumerable.Range(0, 20).Select(_ => host.NewClient()).ToList();
        try
        {
            // Each guesser holds the page (and its antiforgery token) first, so the guesses themselves go out together.
            await Task.WhenAll(guessers.Select(g => g.GetAsync(link)));

            var guesses = await Task.WhenAll(guessers.Select((g, i) => g.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", WrongCode(i)))));
            var code = Assert.Single(await host.TokensAsync(task.Id), t => t.Purpose == LinkPurpose.ConfirmationCode);
            var answer = await reader.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", mailed));

            Assert.All(guesses, g => Assert.Equal(HttpStatusCode.UnprocessableEntity, g.Status));
            Assert.Equal(20, code.FailedAttempts);
            Assert.NotNull(code.RevokedAt);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
        }
        finally
        {
            guessers.ForEach(g => g.Dispose());
        }
    }

    /// <summary>
    /// The reader asks for a confirmation code on the link page; then wrong codes are typed there and,
    /// by someone holding the mail's task code, on the code page; then the reader types the mailed code.
    /// </summary>
    private static async Task<Page> GuessThenConfirmAsync(TaskPageHost host, HumanTask task, int byLink, int byCodePage)
    {
        var link = await host.LinkAsync(task);
        var taskCode = await host.CodeAsync(task);
        using var reader = host.NewClient();
        using var guesser = host.NewClient();
        await reader.GetAsync(link);
        await reader.PostAsync(link, ("outcome", "sign"));
        var mailed = Assert.Single(await ConfirmationCodesAsync(host));
        await guesser.GetAsync(TaskMailLinks.CodePath);

        for (var i = 0; i < byLink; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reader.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", WrongCode(i)))).Status);
        }

        for (var i = 0; i < byCodePage; i++)
        {
            var guess = await guesser.PostAsync(TaskMailLinks.CodePath + "/bekrafta", ("code", taskCode), ("outcome", "sign"), ("confirmation", WrongCode(byLink + i)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, guess.Status);
        }

        return await reader.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", mailed));
    }

    private static string WrongCode(int i) => $"AAAAA-{i:D5}";

    private static async Task<List<string>> ConfirmationCodesAsync(TaskPageHost host) =>
        (await host.OutboxAsync())
            .Where(m => m.Subject.StartsWith("Din bekräftelsekod", StringComparison.Ordinal))
            .Select(m => CodePattern().Match(m.TextBody).Value)
            .ToList();

    [GeneratedRegex("[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex CodePattern();
}
