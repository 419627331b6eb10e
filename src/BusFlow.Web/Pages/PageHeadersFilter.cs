using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BusFlow.Web.Pages;

/// <summary>
/// Every page: no caching, no referrer, no indexing, no framing, and a Content-Security-Policy that
/// allows nothing but the app's own style sheet and forms to itself; the pages need no script. The one
/// exception is a page with the JSON editor (when the build carries it): it may also load the app's own
/// script, fetch from the app, and mount the editor's style elements that carry this request's nonce.
/// </summary>
internal sealed class PageHeadersFilter : IAsyncPageFilter
{
    private const string Policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private const string NonceKey = "BusFlow.Web.StyleNonce";

    private static readonly HashSet<string> PagesWithJsonEditor = new(StringComparer.Ordinal) { "/Workflows/Draft" };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        if (WebAssets.HasEditor && PagesWithJsonEditor.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            // Hex is valid nonce syntax and needs no escaping in the page.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.HttpContext.Items[NonceKey] = nonce;
            headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        }
        else
        {
            headers.ContentSecurityPolicy = Policy;
        }

        return next();
    }

    /// <summary>The nonce the JSON editor's style elements carry on this page, or null where the page has no editor.</summary>
    public static string? EditorNonceOf(HttpContext context) => context.Items[NonceKey] as string;
}
