using System.Buffers;
using BusFlow.Engine.Documents;

namespace BusFlow.Host.Pages;

/// <summary>
/// Reading the forms people post to the link pages, within bounds: a body over the form's limit is
/// refused as too large (413) without being parsed or kept, and a body that is not a readable form
/// is reported as such instead of failing the request.
/// </summary>
public static class PageForms
{
    /// <summary>
    /// A task form: a comment of <see cref="Notifications.TaskPages.TaskLinkAnswers.MaxCommentLength"/>
    /// characters in any script, URL-encoded (up to 12 bytes a character), with its facts and token.
    /// </summary>
    public const long MaxTaskFormBytes = 64 * 1024;

    /// <summary>
    /// A task form with a file: the form's own limit beside the largest document taken. A file a little
    /// over the document limit is read and refused with a message at its field; a much larger body gets the 413 page.
    /// </summary>
    public static long TaskFormLimit(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.HasFormContentType && http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
            ? MaxTaskFormBytes + http.RequestServices.GetRequiredService<DocumentRules>().Limits.MaxBytes
            : MaxTaskFormBytes;
    }

    /// <summary>The files of a posted task form, each read up to one byte past the document limit.</summary>
    public static Task<IReadOnlyList<PostedFile>> FilesOfAsync(HttpContext http, IFormCollection form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Web.Pages.Documents.PostedFiles.ReadAsync(form, http.RequestServices.GetRequiredService<DocumentRules>().Limits.MaxBytes, ct);
    }

    /// <summary>A one-click unsubscribe carries a single short field (RFC 8058).</summary>
    public const long MaxUnsubscribeFormBytes = 4 * 1024;

    /// <summary>
    /// The most the server reads of a request to a link page (its endpoints' request size limit). A
    /// body over its form's limit but within this is read to its end and thrown away before the 413
    /// page is sent: a browser still sending when the server closes the connection shows a
    /// connection error instead of the page. A larger body is cut off.
    /// </summary>
    public const long MaxReadBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The posted form, or null when the body is not a form or cannot be read as one. A body over
    /// <paramref name="maxBytes"/> throws a BadHttpRequestException with status 413, so that it is
    /// answered as too large.
    /// </summary>
    public static async Task<IFormCollection?> TryReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            await DiscardAsync(http.Request.Body, ct);
            throw new BadHttpRequestException($"The form is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the form of a request that posts a code before the rate limiter runs, so that the
    /// limiter can bind the code as it binds a link secret in the path.
    /// </summary>
    public static IApplicationBuilder UseCodeFormsReadForRateLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (LinkRateLimiter.PostsCode(http.Request))
            {
                await TryReadAsync(http, TaskFormLimit(http), http.RequestAborted);
            }

            await next(http);
        });

    private static async Task DiscardAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, ct) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
