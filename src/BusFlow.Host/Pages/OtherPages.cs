using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Notifications.Preferences;
using Microsoft.AspNetCore.Mvc;

namespace BusFlow.Host.Pages;

/// <summary>The link pages' style sheet, and one-click unsubscribe from the weekly digest (RFC 8058); open by design.</summary>
public static class OtherPages
{
    public static void MapOtherPages(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/assets/busflow.css", ["GET", "HEAD"], () => Results.Text(StyleSheet.Value, "text/css; charset=utf-8")).AllowAnonymous();

        // Open by design: the secret in the URL is the credential. Rate-limited by LinkRateLimiter.
        var unsubscribe = app.MapGroup("/unsubscribe").AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(PageForms.MaxReadBytes));
        unsubscribe.MapMethods("/{secret}", ["GET", "HEAD"], ShowUnsubscribeAsync);
        // A mail client's one-click POST carries no antiforgery token; the secret in the URL is the proof, and the act is harmless to repeat.
        unsubscribe.MapPost("/{secret}", UnsubscribeAsync).DisableAntiforgery();
    }

    private static readonly Lazy<string> StyleSheet = new(() =>
    {
        using var stream = typeof(OtherPages).Assembly.GetManifestResourceStream($"{typeof(OtherPages).Namespace}.Templates.busflow.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static async Task<IResult> ShowUnsubscribeAsync(string secret, HttpContext http, Unsubscriber unsubscriber, PageRenderer pages, CancellationToken ct)
    {
        var language = PageLanguage.Of(http);
        if (await unsubscriber.FindRecipientAsync(secret, ct) is not { } address)
        {
            return TaskLinkEndpoints.Message(http, pages, language, "unknown", StatusCodes.Status404NotFound);
        }

        var texts = PageTexts.For(language);
        var model = new JsonObject
        {
            ["action"] = $"/unsubscribe/{secret}",
            ["body_text"] = string.Format(CultureInfo.InvariantCulture, texts["unsubscribe_body"], address),
        };
        return pages.Page(http, "unsubscribe", language, texts["unsubscribe_heading"], model);
    }

    private static async Task<IResult> UnsubscribeAsync(string secret, HttpContext http, Unsubscriber unsubscriber, PageRenderer pages, CancellationToken ct)
    {
        // Read (within the size limit) only for the language a form may carry; a one-click POST is valid without one.
        await PageForms.TryReadAsync(http, PageForms.MaxUnsubscribeFormBytes, ct);

        var language = PageLanguage.Of(http);
        if (await unsubscriber.UnsubscribeAsync(secret, ct) is not { } address)
        {
            return TaskLinkEndpoints.Message(http, pages, language, "unknown", StatusCodes.Status404NotFound);
        }

        var texts = PageTexts.For(language);
        var model = new JsonObject
        {
            ["heading"] = texts["unsubscribed_heading"],
            ["paragraphs"] = new JsonArray(string.Format(CultureInfo.InvariantCulture, texts["unsubscribed_body"], address)),
        };
        return pages.Page(http, "message", language, texts["unsubscribed_heading"], model);
    }
}
