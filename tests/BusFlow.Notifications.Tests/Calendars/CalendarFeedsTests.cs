using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Calendars;
using BusFlow.Notifications.Links;
using BusFlow.Testing;
using Ical.Net;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Calendars;

/// <summary>Feed links: one live per subject, rotated by issuing anew, and a calendar for a live one only.</summary>
public sealed class CalendarFeedsTests : IAsyncLifetime
{
    private const string Board = "board:sn";

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 3, 2, 8, 0));
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();
    private readonly LinkIssuer _links = new(LinkKey.Generate());
    private IWorkflowStore? _store;
    private CalendarFeeds? _feeds;

    private IWorkflowStore Store => _store!;
    private CalendarFeeds Feeds => _feeds!;

    public async Task InitializeAsync()
    {
        _store = await _database.CreateStoreAsync();
        _feeds = new CalendarFeeds(_links, new CalendarInvitations(_clock), new OneBoard(), _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Rotating_revokes_the_subjects_live_link_and_issues_one_that_shows_the_calendar()
    {
        var first = await RotateAsync(Board);
        _clock.AdvanceMinutes(5);
        var second = await RotateAsync(Board);

        Assert.Null(await RenderAsync(first.Secret));
        var calendar = Calendar.Load(Assert.IsType<string>(await RenderAsync(second.Secret)))!;
        Assert.Equal("Socialnämnden", calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal("m1@test", Assert.Single(calendar.Events).Uid);

        await using var session = await Store.BeginAsync(default);
        Assert.Equal([second.Token.Id], (await Feeds.ListLiveAsync(session, Board, default)).Select(t => t.Id));
        var revoked = await session.Facet<ILinkTokens>().FindByHashAsync(LinkKey.Hash(first.Secret), default);
        Assert.Equal(_clock.GetCurrentInstant(), revoked?.RevokedAt);
    }

    [Fact]
    public async Task A_link_goes_to_the_subjects_own_address_or_else_to_whoever_asked()
    {
        var board = await RotateAsync(Board, requestedBy: "Kansliet@Exempelby.test");
        var person = await RotateAsync("person:anna@exempelby.test", requestedBy: "kansliet@exempelby.test");

        Assert.Equal("kansliet@exempelby.test", board.Token.Recipient);
        Assert.Equal("anna@exempelby.test", person.Token.Recipient);
        Assert.Equal(LinkPurpose.CalendarFeed, person.Token.Purpose);
        Assert.NotEqual(person.Secret, board.Secret);
    }

    [Fact]
    public async Task An_unknown_subject_gets_no_link_and_nothing_is_written()
    {
        await using (var session = await Store.BeginAsync(default))
        {
            Assert.Null(await Feeds.RotateAsync(session, "board:finns-inte", "api", default));
            await session.CommitAsync(default);
        }

        Assert.Equal(0L, Convert.ToInt64(await _database.ScalarAsync("select count(*) from link_tokens"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Secrets_that_are_malformed_unknown_or_of_another_purpose_open_no_calendar()
    {
        string taskSecret;
        await using (var session = await Store.BeginAsync(default))
        {
            var request = new LinkRequest(LinkPurpose.TaskAnswer, "anna@exempelby.test", Subject: Board);
            taskSecret = _links.New(session.Facet<ILinkTokens>(), request, _clock.GetCurrentInstant()).Secret;
            await session.CommitAsync(default);
        }

        var live = await RotateAsync(Board);

        Assert.Null(await RenderAsync(taskSecret));
        Assert.Null(await RenderAsync(null));
        Assert.Null(await RenderAsync(""));
        Assert.Null(await RenderAsync(new string('x', 65)));
        Assert.Null(await RenderAsync(_links.Key.LinkSecret(Guid.NewGuid())));
        Assert.NotNull(await RenderAsync(live.Secret));
    }

    private async Task<IssuedLink> RotateAsync(string subject, string requestedBy = "api")
    {
        await using var session = await Store.BeginAsync(default);
        var issued = await Feeds.RotateAsync(session, subject, requestedBy, default) ?? throw new InvalidOperationException($"{subject} is unknown.");
        await session.CommitAsync(default);
        return issued;
    }

    private async Task<string?> RenderAsync(string? secret)
    {
        await using var session = await Store.BeginAsync(default);
        return await Feeds.RenderAsync(session, secret, default);
    }

    /// <summary>Knows the social board and Anna, with one meeting.</summary>
    private sealed class OneBoard : ICalendarFeedSource
    {
        public Task<CalendarFeedSubject?> DescribeAsync(IWorkflowSession session, string subject, CancellationToken ct) =>
            Task.FromResult(subject switch
            {
                Board => new CalendarFeedSubject("Socialnämnden"),
                "person:anna@exempelby.test" => new CalendarFeedSubject("Anna", "anna@exempelby.test"),
                _ => null,
            });

        public Task<IReadOnlyList<CalendarEntry>> ListEntriesAsync(IWorkflowSession session, string subject, Instant now, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<CalendarEntry>>(
                [new MeetingEntry("m1@test", 0, "Sammanträde", null, null, new LocalDateTime(2026, 3, 10, 13, 0), new LocalDateTime(2026, 3, 10, 15, 0))]);
    }
}
