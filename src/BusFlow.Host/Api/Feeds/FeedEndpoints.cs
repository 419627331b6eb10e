using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Errors;
using BusFlow.Host.Feeds;
using BusFlow.Notifications.Calendars;
using BusFlow.Notifications.Delivery;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;

namespace BusFlow.Host.Api.Feeds;

/// <summary>Issuing (and so rotating) the secret URLs of calendar feeds, and listing the live ones.</summary>
public static class FeedEndpoints
{
    public static void MapFeedEndpoints(this IEndpointRouteBuilder api)
    {
        var feeds = api.MapGroup("/feeds");
        feeds.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.Writer);
        feeds.MapGet("/", ListAsync).RequireAuthorization();
    }

    /// <summary>
    /// POST /api/feeds { subject }: a new feed URL for the subject; the subject's earlier URLs stop
    /// working in the same transaction. The URL is shown this once: only its hash is stored.
    /// </summary>
    private static async Task<IResult> CreateAsync(
        CreateFeedRequest request, IWorkflowStore store, CalendarFeeds feeds, MailOptions mail, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (FeedSubject.Parse(request.Subject) is not { } subject)
        {
            return NotASubject(request.Subject);
        }

        if (!MayHave(await scopes.ForAsync(http.User, ct), subject))
        {
            return NotYours();
        }

        await using var session = await store.BeginAsync(ct);
        if (await feeds.RotateAsync(session, subject.ToString(), RequestActor.Of(http), ct) is not { } issued)
        {
            var what = subject.Kind == FeedSubjectKind.Board ? "board" : "person with the address";
            return ApiProblems.NotFound($"There is no {what} '{subject.Key}'.").ToResult();
        }

        await session.CommitAsync(ct);
        var url = $"{mail.LinkBaseUrl.TrimEnd('/')}{CalendarFeedEndpoint.PathOf(issued.Secret)}";
        return Results.Created(url, new FeedResponse(subject.ToString(), url, issued.Token.CreatedAt));
    }

    /// <summary>GET /api/feeds?subject=…: the subject's live feeds, newest first, without their URLs.</summary>
    private static async Task<IResult> ListAsync(string? subject, IWorkflowStore store, CalendarFeeds feeds, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (FeedSubject.Parse(subject) is not { } parsed)
        {
            return NotASubject(subject);
        }

        var scope = await scopes.ForAsync(http.User, ct);
        if (!scope.ReadsEverything && !MayHave(scope, parsed))
        {
            return NotYours();
        }

        await using var session = await store.BeginAsync(ct);
        var live = await feeds.ListLiveAsync(session, parsed.ToString(), ct);
        return Results.Ok(live.Select(t => new LiveFeedResponse(parsed.ToString(), t.CreatedAt)).ToList());
    }

    /// <summary>
    /// A person has her own feed; a secretary her boards'; an administrator any. Asking for anyone
    /// else's is refused the same way whether or not that person exists.
    /// </summary>
    private static bool MayHave(AccountScope scope, FeedSubject subject) =>
        subject.Kind == FeedSubjectKind.Board ? scope.KeepsBoard(subject.Key) : scope.IsAdministrator || scope.IsOwnAddress(subject.Key);

    private static IResult NotYours() =>
        ApiProblems.Forbidden("You may have your own feed (person:your address) and those of the boards you are secretary of.").ToResult();

    private static IResult NotASubject(string? subject) =>
        ApiProblems.BadRequest($"'{subject}' is not a feed subject: {FeedSubject.Expected}.").ToResult();
}
