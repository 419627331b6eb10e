using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>
/// A secret link or code handed to one person for one purpose. Only the secret's hash is stored;
/// the secret itself is derived from <see cref="Id"/> with the server's <see cref="LinkKey"/>, which
/// is not in the database, so a reminder can carry the same live link again while a copy of the
/// database alone opens nothing.
/// </summary>
public sealed class LinkToken
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the secret, base64url.</summary>
    public required string Hash { get; set; }

    public LinkPurpose Purpose { get; set; }

    /// <summary>Whom the link was given to: an e-mail address, lower case.</summary>
    public required string Recipient { get; set; }

    /// <summary>The task the link answers, for task links and codes.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>What else the link opens, e.g. "board:sn" or "person:anna@exempelby.test" for a calendar feed.</summary>
    public string? Subject { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>After this the link opens nothing; none: until revoked.</summary>
    public Instant? ExpiresAt { get; set; }

    /// <summary>When the link was used for what it is for (an answer given, a code confirmed).</summary>
    public Instant? ConsumedAt { get; set; }

    public string? ConsumedFromIp { get; set; }

    public string? ConsumedUserAgent { get; set; }

    /// <summary>When the link was replaced (a feed's rotated URL) or withdrawn.</summary>
    public Instant? RevokedAt { get; set; }

    /// <summary>
    /// For a confirmation code: the wrong codes typed for its task by its recipient, on any page, while
    /// it was unused; it is burnt (revoked) when they reach the limit.
    /// </summary>
    public int FailedAttempts { get; set; }

    public int Version { get; set; }

    /// <summary>Whether the link still opens what it is for at <paramref name="now"/>.</summary>
    public bool IsLive(Instant now) => ConsumedAt is null && RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

public enum LinkPurpose
{
    /// <summary>The task page link in a task mail: /t/{token}.</summary>
    TaskAnswer = 0,

    /// <summary>The short code in a task mail, typed on a page when a scanner burnt the link.</summary>
    TaskCode = 1,

    /// <summary>A one-time code sent by a second mail, demanded for outcomes with legal weight.</summary>
    ConfirmationCode = 2,

    /// <summary>One-click unsubscribe from optional mail (the weekly digest).</summary>
    Unsubscribe = 3,

    /// <summary>A subscribable calendar feed; rotated by revoking it and issuing a new one.</summary>
    CalendarFeed = 4,

    /// <summary>The footer link of a mail to report a shortcoming in the agreement's collaboration: /avvikelse/{token}; not used up by a report.</summary>
    ShortcomingReport = 5,
}
