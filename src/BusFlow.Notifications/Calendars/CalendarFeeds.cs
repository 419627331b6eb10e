using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using NodaTime;

namespace BusFlow.Notifications.Calendars;

/// <summary>
/// Subscribable calendar feeds behind secret links: a subject has one live link at a time, a new
/// one revokes the old (rotation), and a link shows the subject's calendar while it is live.
/// </summary>
public sealed class CalendarFeeds(LinkIssuer links, CalendarInvitations calendars, ICalendarFeedSource source, IClock clock)
{
    /// <summary>
    /// Revokes the subject's live feed links and issues a new one, in <paramref name="session"/>
    /// (commit it to make both happen); null when the subject names nothing known. The link is
    /// given to the subject's own address when it has one, otherwise to <paramref name="requestedBy"/>.
    /// </summary>
    public async Task<IssuedLink?> RotateAsync(IWorkflowSession session, string subject, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (await source.DescribeAsync(session, subject, ct) is not { } described)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var tokens = session.Facet<ILinkTokens>();
        foreach (var old in await tokens.ListLiveForSubjectAsync(LinkPurpose.CalendarFeed, subject, now, ct))
        {
            old.RevokedAt = now;
            // Two rotations at once: the second to commit loses on the row version and changes nothing.
            old.Version++;
        }

        return links.New(tokens, new LinkRequest(LinkPurpose.CalendarFeed, described.Email ?? requestedBy, Subject: subject), now);
    }

    /// <summary>The live feed links of a subject, newest first; their secrets are not stored and not shown.</summary>
    public Task<IReadOnlyList<LinkToken>> ListLiveAsync(IWorkflowSession session, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Facet<ILinkTokens>().ListLiveForSubjectAsync(LinkPurpose.CalendarFeed, subject, clock.GetCurrentInstant(), ct);
    }

    /// <summary>
    /// The iCalendar text of the feed a secret opens; null when the secret is malformed, unknown,
    /// revoked or not a feed's, or its subject is gone. Changes nothing.
    /// </summary>
    public async Task<string?> RenderAsync(IWorkflowSession session, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (LinkIssuer.LookupHash(LinkPurpose.CalendarFeed, secret) is not { } hash)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var token = await session.Facet<ILinkTokens>().FindByHashAsync(hash, ct);
        if (token is not { Purpose: LinkPurpose.CalendarFeed, Subject: { } subject } || !token.IsLive(now)
            || await source.DescribeAsync(session, subject, ct) is not { } described)
        {
            return null;
        }

        return calendars.Feed(described.Name, await source.ListEntriesAsync(session, subject, now, ct));
    }
}
