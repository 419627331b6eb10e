using NodaTime;

namespace BusFlow.Host.Api.Feeds;

/// <summary>POST /api/feeds: whose feed, "board:sn" or "person:anna@exempelby.test".</summary>
public sealed record CreateFeedRequest(string? Subject);

/// <summary>A newly issued feed: the URL to subscribe to, shown only in this answer.</summary>
public sealed record FeedResponse(string Subject, string Url, Instant CreatedAt);

/// <summary>A live feed of a subject; its URL cannot be shown again (only its hash is stored).</summary>
public sealed record LiveFeedResponse(string Subject, Instant CreatedAt);
