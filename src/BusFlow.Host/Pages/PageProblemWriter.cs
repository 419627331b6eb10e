using BusFlow.Web.Security;

namespace BusFlow.Host.Pages;

/// <summary>
/// A person who reaches an error outside the API gets a page, never JSON: a bodiless status (an
/// unknown route, a wrong method) or a problem that the exception handler made of a failure is
/// written as a message page in the reader's language, with the same status. The API (/api and
/// the OpenAPI document) keeps its problem+json.
/// </summary>
public sealed class PageProblemWriter(PageRenderer pages) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !ApiRequests.IsApi(context.HttpContext.Request);
    }

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var onLinkPage = LinkRateLimiter.IsLinkPage(http.Request.Path);
        var language = onLinkPage ? PageLanguage.Of(http) : PageLanguage.OfWebApp(http);
        var message = context.ProblemDetails.Extensions.TryGetValue(Api.Errors.ApiProblems.StorageRefusal, out var refusal)
            ? StorageMessageOf(refusal as string, onLinkPage)
            : MessageOf(status, onLinkPage);
        var page = TaskLinkEndpoints.Message(http, pages, language, message, status, codePage: status == StatusCodes.Status404NotFound && onLinkPage);
        return new ValueTask(page.ExecuteAsync(http));
    }

    /// <summary>The message page that says why the database refused to save: its disk is full, or it is read-only.</summary>
    private static string StorageMessageOf(string? refusal, bool onLinkPage) =>
        (onLinkPage ? "" : "app_") + (refusal == Api.Errors.ApiProblems.DiskFull ? "disk_full" : "read_only");

    /// <summary>The message page ("{name}_heading", "{name}_body" of the texts) that explains a status.</summary>
    private static string MessageOf(int status, bool onLinkPage)
    {
        var message = status switch
        {
            StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => "unreadable",
            StatusCodes.Status404NotFound => onLinkPage ? "unknown" : "missing",
            StatusCodes.Status405MethodNotAllowed => "method",
            StatusCodes.Status409Conflict => "conflict",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status429TooManyRequests => "limited",
            _ when status < StatusCodes.Status500InternalServerError => "refused",
            _ => "failed",
        };

        // A person on the web app's pages came there by the menu, not by a mailed link: her messages say so.
        return onLinkPage || message is "too_large" or "limited" ? message : "app_" + message;
    }
}
