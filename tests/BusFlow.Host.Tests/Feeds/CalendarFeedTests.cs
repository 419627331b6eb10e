using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Links;
using Ical.Net.CalendarComponents;
using NodaTime;

namespace BusFlow.Host.Tests.Feeds;

/// <summary>
/// The calendar feeds over HTTP as a calendar app and an administrator meet them: issue a URL,
/// subscribe to it, rotate it, and find that a wrong or old URL opens nothing.
/// </summary>
public sealed class CalendarFeedTests(FeedHostFixture host) : IClassFixture<FeedHostFixture>
{
    private const string SocialBoard = "Sammanträde: Socialnämnden";

    [Fact]
    public async Task A_board_feed_has_its_meetings_in_Stockholm_time_and_its_role_deadlines_as_all_day_events_with_an_alarm()
    {
        var feed = await host.IssueAsync("board:sn");
        var calendar = await host.SubscribeAsync(feed);

        Assert.Equal("board:sn", feed.Subject);
        Assert.Equal(FeedHostFixture.Now, feed.CreatedAt);
        Assert.Equal("Socialnämnden – sammanträden och tidsfrister", calendar.Properties["X-WR-CALNAME"]!.Value);

        // The second Tuesday of the month at 13:00 local time, in winter (UTC+1) and in summer (UTC+2).
        var march = Assert.Single(calendar.Events, e => Starts(e) == new LocalDateTime(2026, 3, 10, 13, 0));
        Assert.Equal(SocialBoard, march.Summary);
        Assert.Equal("Europe/Stockholm", march.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc), march.DtStart.AsUtc);
        var april = Assert.Single(calendar.Events, e => Starts(e) == new LocalDateTime(2026, 4, 14, 13, 0));
        Assert.Equal(new DateTime(2026, 4, 14, 11, 0, 0, DateTimeKind.Utc), april.DtStart!.AsUtc);

        // Only this board's meetings, from three months back to eighteen months ahead.
        var meetings = calendar.Events.Where(e => e.Summary!.StartsWith("Sammanträde:", StringComparison.Ordinal)).ToList();
        Assert.All(meetings, m => Assert.Equal(SocialBoard, m.Summary));
        Assert.Contains(meetings, m => Starts(m) == new LocalDateTime(2027, 8, 10, 13, 0));
        Assert.DoesNotContain(meetings, m => Starts(m) == new LocalDateTime(2027, 9, 14, 13, 0));
        Assert.All(meetings, m => Assert.InRange(Starts(m).Date, new LocalDate(2025, 12, 2), new LocalDate(2027, 9, 2)));

        // The secretary's task for the board is a deadline; the other board's task is not in this feed.
        var deadline = Assert.Single(calendar.Events, e => e.Summary == $"Sista dag: {FeedHostFixture.SocialNotice}");
        Assert.True(deadline.IsAllDay);
        Assert.False(deadline.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 3, 20), deadline.DtStart.Date);
        Assert.Contains(FeedHostFixture.MariaHolmgren, deadline.Description, StringComparison.Ordinal);
        var alarm = Assert.Single(deadline.Alarms);
        Assert.Equal(-15, alarm.Trigger!.Duration!.Value.Hours);
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains(FeedHostFixture.YouthNotice, StringComparison.Ordinal));
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains(FeedHostFixture.ChairReview, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_url_answers_with_headers_that_keep_it_out_of_caches_search_engines_and_referrers()
    {
        var feed = await host.IssueAsync("board:sn");

        using var response = await host.Client.GetAsync(FeedHostFixture.PathOf(feed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Rotating_a_feed_makes_the_old_url_404_and_the_new_one_show_the_same_events_under_the_same_uids()
    {
        var old = await host.IssueAsync("board:bun");
        var before = await host.SubscribeAsync(old);

        var rotated = await host.IssueAsync("board:bun");

        Assert.NotEqual(old.Url, rotated.Url);
        await AssertNotFoundAsync(FeedHostFixture.PathOf(old));
        var after = await host.SubscribeAsync(rotated);
        Assert.Equal(before.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        Assert.Contains(after.Events, e => e.Summary == $"Sista dag: {FeedHostFixture.YouthNotice}");

        var live = await host.Client.GetFromJsonAsync<JsonElement>("/api/feeds?subject=board:bun", RunningHost.Json);
        var only = Assert.Single(live.EnumerateArray());
        Assert.Equal("board:bun", only.GetProperty("subject").GetString());
        Assert.False(only.TryGetProperty("url", out _));
    }

    [Fact]
    public async Task A_persons_feed_has_their_own_tasks_and_their_boards_meetings_only_while_they_hold_a_role_there()
    {
        var anna = await host.SubscribeAsync(await host.IssueAsync("person:Anna.Lindqvist@Exempelby.test"));
        var olof = await host.SubscribeAsync(await host.IssueAsync($"person:{FeedHostFixture.OlofWester}"));

        Assert.Contains(anna.Events, e => e.Summary == $"Sista dag: {FeedHostFixture.ChairReview}" && e.IsAllDay && e.Alarms.Count == 1);
        Assert.DoesNotContain(anna.Events, e => e.Summary!.Contains(FeedHostFixture.SocialNotice, StringComparison.Ordinal));
        Assert.DoesNotContain(anna.Events, e => e.Summary!.Contains(FeedHostFixture.YouthNotice, StringComparison.Ordinal));
        Assert.DoesNotContain(olof.Events, e => e.Summary!.StartsWith("Sista dag:", StringComparison.Ordinal));

        // Anna chairs the social board until 31 December 2026; Olof Wester from 1 January 2027.
        var december = new LocalDateTime(2026, 12, 8, 13, 0);
        var january = new LocalDateTime(2027, 1, 12, 13, 0);
        Assert.Contains(anna.Events, e => e.Summary == SocialBoard && Starts(e) == december);
        Assert.DoesNotContain(anna.Events, e => Starts(e) == january);
        Assert.Contains(olof.Events, e => e.Summary == SocialBoard && Starts(e) == january);
        Assert.DoesNotContain(olof.Events, e => Starts(e) == december);
        Assert.All(anna.Events.Where(e => e.Summary!.StartsWith("Sammanträde:", StringComparison.Ordinal)), e => Assert.Equal(SocialBoard, e.Summary));
    }

    [Fact]
    public async Task A_tampered_malformed_or_unknown_secret_is_the_same_short_404()
    {
        var feed = await host.IssueAsync("board:kun");
        var path = FeedHostFixture.PathOf(feed);
        var secret = path["/feeds/".Length..^".ics".Length];
        var tampered = (secret[0] == 'A' ? 'B' : 'A') + secret[1..];

        await AssertNotFoundAsync($"/feeds/{tampered}.ics");
        await AssertNotFoundAsync($"/feeds/{secret.ToUpperInvariant()}.ics");
        await AssertNotFoundAsync($"/feeds/{new string('a', 200)}.ics");
        await AssertNotFoundAsync("/feeds/x.ics");
        using var stillWorks = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Head_on_a_feed_answers_like_get_without_a_body_and_changes_nothing()
    {
        var feed = await host.IssueAsync("person:" + FeedHostFixture.JohanForsberg);
        var path = FeedHostFixture.PathOf(feed);
        var before = await TokenRowAsync(feed);

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var tamperedHead = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path.Replace(".ics", "x.ics", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, tamperedHead.StatusCode);
        Assert.Equal(before, await TokenRowAsync(feed));
        await host.SubscribeAsync(feed);
        Assert.Equal(before, await TokenRowAsync(feed));
    }

    [Fact]
    public async Task The_database_keeps_only_the_hash_of_a_feed_secret_and_whom_a_board_feed_was_given_to()
    {
        var feed = await host.IssueAsync("board:ks", actor: "kansliet@exempelby.test");
        var secret = FeedHostFixture.PathOf(feed)["/feeds/".Length..^".ics".Length];

        var cells = new List<string>();
        await using (var connection = host.Database.CreateConnection())
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "select * from link_tokens";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(LinkKey.Hash(secret), cells);
        Assert.Equal("kansliet@exempelby.test", await host.Database.ScalarAsync($"select recipient from link_tokens where hash = '{LinkKey.Hash(secret)}'"));
    }

    [Fact]
    public async Task Unknown_boards_and_people_are_404_problems_and_malformed_subjects_400()
    {
        await Problems.AssertAsync(await host.Client.PostAsJsonAsync("/api/feeds", new { subject = "board:finns-inte" }), HttpStatusCode.NotFound, "finns-inte");
        await Problems.AssertAsync(await host.Client.PostAsJsonAsync("/api/feeds", new { subject = "person:ingen@exempelby.test" }), HttpStatusCode.NotFound, "ingen@exempelby.test");
        foreach (var malformed in new[] { "sn", "board:", "board:s n", "person:utan-snabel-a", "nämnd:sn" })
        {
            await Problems.AssertAsync(await host.Client.PostAsJsonAsync("/api/feeds", new { subject = malformed }), HttpStatusCode.BadRequest, "board:sn");
        }

        await Problems.AssertAsync(await host.Client.PostAsJsonAsync("/api/feeds", new { }), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await host.Client.GetAsync("/api/feeds?subject=sn"), HttpStatusCode.BadRequest);
    }

    private static LocalDateTime Starts(CalendarEvent calendarEvent)
    {
        var start = calendarEvent.DtStart!;
        return new LocalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute);
    }

    private async Task AssertNotFoundAsync(string path)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Kalendern finns inte.\n", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    /// <summary>Every column of the feed's token row, to see that reading the feed leaves it as it was.</summary>
    private async Task<string> TokenRowAsync(FeedResponse feed)
    {
        var hash = LinkKey.Hash(FeedHostFixture.PathOf(feed)["/feeds/".Length..^".ics".Length]);
        return (string)(await host.Database.ScalarAsync(
            $"select coalesce(consumed_at, '') || '|' || coalesce(revoked_at, '') || '|' || coalesce(consumed_from_ip, '') || '|' || version from link_tokens where hash = '{hash}'"))!;
    }
}
