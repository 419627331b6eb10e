using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Bus.Shortcomings;
using BusFlow.Notifications.Links;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace BusFlow.Host.Pages;

/// <summary>
/// The report page a mail's footer links to: GET and HEAD of /avvikelse/{secret} show the form and
/// change nothing (a mail scanner that follows the link reports nothing); the form posts the report
/// (antiforgery token, no script needed). The link names the agreement and the reporter; it is not
/// used up, so one link serves several reports.
/// </summary>
public static class ShortcomingLinkEndpoints
{
    public static void MapShortcomingLinkPages(this IEndpointRouteBuilder app)
    {
        // Open by design: the mailed link is the credential. Rate-limited by LinkRateLimiter; antiforgery
        // is checked by the form's handler, so that a forgery gets its own page.
        var pages = app.MapGroup("/avvikelse").AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(PageForms.MaxReadBytes));
        pages.MapMethods("/{secret}", ["GET", "HEAD"], ShowAsync);
        pages.MapPost("/{secret}", ReportAsync);
    }

    private static async Task<IResult> ShowAsync(
        string secret, HttpContext http, IAntiforgery af, ShortcomingLinks links, ShortcomingRegistry registry, PageRenderer pages, CancellationToken ct)
    {
        var language = PageLanguage.Of(http);
        return await links.OpenAsync(secret, ct) is { } link && await registry.FormAsync(link.AgreementId, ct) is { } form
            ? Form(http, af, pages, language, secret, link, form, given: null, errors: [])
            : Unknown(http, pages, language);
    }

    private static async Task<IResult> ReportAsync(
        string secret, HttpContext http, IAntiforgery af, ShortcomingLinks links, ShortcomingRegistry registry, PageRenderer pages, CancellationToken ct)
    {
        var posted = await PageForms.TryReadAsync(http, PageForms.MaxTaskFormBytes, ct);
        var language = PageLanguage.Of(http);
        if (posted is null)
        {
            return TaskLinkEndpoints.Message(http, pages, language, "unreadable", StatusCodes.Status400BadRequest);
        }

        if (!await af.IsRequestValidAsync(http))
        {
            return TaskLinkEndpoints.Message(http, pages, language, "forgery", StatusCodes.Status400BadRequest);
        }

        if (await links.OpenAsync(secret, ct) is not { } link || await registry.FormAsync(link.AgreementId, ct) is not { } form)
        {
            return Unknown(http, pages, language);
        }

        var draft = new ShortcomingDraft(posted["whatHappened"], posted["occurredOn"], posted["concerns"], posted["severity"], posted["contact"]);
        var result = await registry.ReportAsync(link.AgreementId, draft, link.Reporter, link.Reporter, ct);
        if (result.InstanceId is null)
        {
            return result.Found
                ? Form(http, af, pages, language, secret, link, form, draft, result.Errors, StatusCodes.Status422UnprocessableEntity)
                : Unknown(http, pages, language);
        }

        return TaskLinkEndpoints.Message(http, pages, language, "shortcoming_received", StatusCodes.Status200OK);
    }

    private static IResult Form(
        HttpContext http, IAntiforgery af, PageRenderer pages, string language, string secret, ShortcomingLink link, ShortcomingForm form,
        ShortcomingDraft? given, IReadOnlyList<ShortcomingFieldError> errors, int status = StatusCodes.Status200OK)
    {
        var texts = PageTexts.For(language);
        var tokens = af.GetAndStoreTokens(http);
        var model = new JsonObject
        {
            ["action"] = $"/avvikelse/{secret}",
            ["antiforgery_name"] = tokens.FormFieldName,
            ["antiforgery_value"] = tokens.RequestToken,
            ["intro"] = string.Format(CultureInfo.InvariantCulture, texts["shortcoming_intro"], form.AgreementTitle),
            ["reporter"] = string.Format(CultureInfo.InvariantCulture, texts["shortcoming_reporter"], link.Reporter),
            ["parties"] = new JsonArray(form.Parties.Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()),
            ["severities"] = new JsonArray(Enum.GetNames<ShortcomingSeverity>()
                .Select(s => (JsonNode?)new JsonObject { ["value"] = s, ["label"] = texts[$"shortcoming_severity_{s}"] }).ToArray()),
            ["given"] = given is null ? null : new JsonObject
            {
                ["whatHappened"] = given.WhatHappened,
                ["occurredOn"] = given.OccurredOn,
                ["concerns"] = given.Concerns,
                ["severity"] = given.Severity,
                ["contact"] = given.Contact,
            },
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)new JsonObject
            {
                ["field"] = e.Field,
                ["message"] = string.Format(CultureInfo.InvariantCulture, texts[$"shortcoming_{e.Problem}"], FieldLabel(texts, e.Field)),
            }).ToArray()),
            ["invalid"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Field, (JsonNode?)true)).DistinctBy(e => e.Key)),
        };
        return pages.Page(http, "shortcoming", language, texts["shortcoming_heading"], model, status);
    }

    private static string FieldLabel(IReadOnlyDictionary<string, string> texts, string field) => field switch
    {
        "whatHappened" => texts["shortcoming_what"],
        "occurredOn" => texts["shortcoming_when"],
        "concerns" => texts["shortcoming_concerns"],
        "severity" => texts["shortcoming_severity"],
        _ => texts["shortcoming_contact"],
    };

    private static IResult Unknown(HttpContext http, PageRenderer pages, string language) =>
        TaskLinkEndpoints.Message(http, pages, language, "shortcoming_unknown", StatusCodes.Status404NotFound);
}
