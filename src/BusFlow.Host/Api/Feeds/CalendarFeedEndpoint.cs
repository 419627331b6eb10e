using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Calendars;

namespace BusFlow.Host.Api.Feeds;

/// <summary>
/// GET (or HEAD) /feeds/{secret}.ics: the calendar a feed URL opens, for calendar apps to
/// subscribe to. Anything that opens nothing is the same short 404, so the answer tells nobody
/// whether a board or person exists. Reading a feed changes nothing.
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string NotFoundText = "Kalendern finns inte.\n";

    public static string PathOf(string secret) => $"/feeds/{secret}.ics";

    public static void MapCalendarFeedEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods("/feeds/{secret}.ics", [HttpMethods.Get, HttpMethods.Head], ReadAsync).AllowAnonymous();

    private static async Task<IResult> ReadAsync(string secret, IWorkflowStore store, CalendarFeeds feeds, HttpContext http, CancellationToken ct)
    {
        // The URL is the key: keep it out of caches, search engines and other sites' logs.
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Referrer-Policy"] = "no-referrer";

        await using var session = await store.BeginAsync(ct);
        var calendar = await feeds.RenderAsync(session, secret, ct);
        return calendar is null
            ? Results.Text(NotFoundText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.Text(calendar, ContentType);
    }
}
