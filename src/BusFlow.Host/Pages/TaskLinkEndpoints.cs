using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.TaskPages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace BusFlow.Host.Pages;

/// <summary>
/// The task pages: GET and HEAD of /t/{secret} show the task and change nothing; the form posts
/// the answer (antiforgery token, no script needed); /t/kod takes the code from the mail when a
/// scanner has used the link up. Every page says what happened, in Swedish or English.
/// </summary>
public static class TaskLinkEndpoints
{
    public static void MapTaskLinkPages(this IEndpointRouteBuilder app)
    {
        // Open by design: the mailed link (or the code beside it) is the credential. Rate-limited by
        // LinkRateLimiter; antiforgery is checked by each form's handler, so that a forgery gets its own page.
        var pages = app.MapGroup("/t").AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(PageForms.MaxReadBytes));
        pages.MapMethods("/kod", ["GET", "HEAD"], CodePage);
        pages.MapPost("/kod", OpenByCodeAsync);
        // An answer may carry a document: its endpoints read up to the document limit beside the form's.
        var withDocument = new RequestSizeLimitAttribute(PageForms.MaxReadBytes + app.ServiceProvider.GetRequiredService<DocumentRules>().Limits.MaxBytes);
        pages.MapPost("/kod/svar", (HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct) =>
            AnswerAsync(http, af, answers, pages, engine, LinkPurpose.TaskCode, null, ct)).WithMetadata(withDocument);
        pages.MapPost("/kod/bekrafta", (HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct) =>
            ConfirmAsync(http, af, answers, pages, engine, LinkPurpose.TaskCode, null, ct));
        pages.MapMethods("/{secret}", ["GET", "HEAD"], ShowAsync);
        pages.MapPost("/{secret}", (string secret, HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct) =>
            AnswerAsync(http, af, answers, pages, engine, LinkPurpose.TaskAnswer, secret, ct)).WithMetadata(withDocument);
        pages.MapGet("/{secret}/dokument/{document:guid}", DownloadAsync);
        pages.MapPost("/{secret}/bekrafta", (string secret, HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct) =>
            ConfirmAsync(http, af, answers, pages, engine, LinkPurpose.TaskAnswer, secret, ct));
    }

    private static async Task<IResult> ShowAsync(string secret, HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct)
    {
        var language = PageLanguage.Of(http);
        var view = await answers.OpenAsync(LinkPurpose.TaskAnswer, secret, ct);
        return View(http, af, pages, engine, view, language, $"/t/{secret}", code: null, given: null, problems: []);
    }

    /// <summary>
    /// A document of the link's task, always as an attachment of its sniffed type with nosniff, so a
    /// browser never renders it inline; an unknown, expired or withdrawn link, or a document of another case, gets the link's page.
    /// </summary>
    private static async Task<IResult> DownloadAsync(string secret, Guid document, HttpContext http, TaskLinkAnswers answers, PageRenderer pages, CancellationToken ct)
    {
        if (await answers.DocumentAsync(LinkPurpose.TaskAnswer, secret, document, ct) is not { } found)
        {
            var view = await answers.OpenAsync(LinkPurpose.TaskAnswer, secret, ct);
            var language = PageLanguage.Of(http);
            return view.State switch
            {
                TaskLinkState.Expired => Message(http, pages, language, "expired", StatusCodes.Status410Gone),
                TaskLinkState.Withdrawn => Message(http, pages, language, "withdrawn", StatusCodes.Status410Gone),
                TaskLinkState.Unknown => Message(http, pages, language, "unknown", StatusCodes.Status404NotFound, codePage: true),
                _ => Message(http, pages, language, "no_document", StatusCodes.Status404NotFound),
            };
        }

        SecurityHeaders.ApplyTo(http.Response);
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.File(found.Content, found.ContentType, found.FileName);
    }

    private static IResult CodePage(HttpContext http, IAntiforgery af, PageRenderer pages)
    {
        var language = PageLanguage.Of(http);
        return CodeForm(http, af, pages, language, wrong: false);
    }

    private static async Task<IResult> OpenByCodeAsync(HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, CancellationToken ct)
    {
        var form = await PageForms.TryReadAsync(http, PageForms.MaxTaskFormBytes, ct);
        var language = PageLanguage.Of(http);
        if (form is null)
        {
            return Unreadable(http, pages, language);
        }

        if (!await af.IsRequestValidAsync(http))
        {
            return Forged(http, pages, language);
        }

        var code = form[LinkRateLimiter.CodeField].FirstOrDefault();
        var view = await answers.OpenAsync(LinkPurpose.TaskCode, code, ct);
        return view.State == TaskLinkState.Unknown
            ? CodeForm(http, af, pages, language, wrong: true)
            : View(http, af, pages, engine, view, language, "/t/kod/svar", LinkKey.NormalizeCode(code), given: null, problems: []);
    }

    private static Task<IResult> AnswerAsync(
        HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, LinkPurpose purpose, string? secret, CancellationToken ct) =>
        OnFormAsync(http, af, pages, engine, purpose, secret, ct, (secret, answer, _) => answers.AnswerAsync(purpose, secret, answer, UseOf(http), ct));

    private static Task<IResult> ConfirmAsync(
        HttpContext http, IAntiforgery af, TaskLinkAnswers answers, PageRenderer pages, EngineOptions engine, LinkPurpose purpose, string? secret, CancellationToken ct) =>
        OnFormAsync(http, af, pages, engine, purpose, secret, ct, (secret, answer, form) =>
            answers.ConfirmAsync(purpose, secret, form["confirmation"].FirstOrDefault(), answer, UseOf(http), ct));

    /// <summary>A posted task form: checked for forgery, acted on, and answered with the page that says what became of it.</summary>
    private static async Task<IResult> OnFormAsync(
        HttpContext http, IAntiforgery af, PageRenderer pages, EngineOptions engine, LinkPurpose purpose, string? secret, CancellationToken ct,
        Func<string?, AnswerForm, IFormCollection, Task<AnswerResult>> act)
    {
        var form = await PageForms.TryReadAsync(http, PageForms.TaskFormLimit(http), ct);
        var language = PageLanguage.Of(http);
        if (form is null)
        {
            return Unreadable(http, pages, language);
        }

        if (!await af.IsRequestValidAsync(http))
        {
            return Forged(http, pages, language);
        }

        secret ??= form[LinkRateLimiter.CodeField].FirstOrDefault();
        var answer = AnswerOf(form) with { Files = await PageForms.FilesOfAsync(http, form, ct) };
        var result = await act(secret, answer, form);
        var (action, code) = Targets(purpose, secret);
        return result.Kind switch
        {
            AnswerResultKind.Recorded => Receipt(http, pages, engine, result.View, language),
            AnswerResultKind.Invalid => View(http, af, pages, engine, result.View, language, action, code, answer, result.Problems, StatusCodes.Status422UnprocessableEntity),
            AnswerResultKind.CodeSent => ConfirmForm(http, af, pages, result.View, language, ConfirmAction(purpose, secret), code, answer, wrong: false),
            AnswerResultKind.WrongCode => ConfirmForm(http, af, pages, result.View, language, ConfirmAction(purpose, secret), code, answer, wrong: true),
            AnswerResultKind.WorkflowStopped => Message(http, pages, language, "stopped", StatusCodes.Status409Conflict),
            _ => NotOpen(http, af, pages, engine, result.View, language),
        };
    }

    private static (string Action, string? Code) Targets(LinkPurpose purpose, string? secret) =>
        purpose == LinkPurpose.TaskCode ? ("/t/kod/svar", LinkKey.NormalizeCode(secret)) : ($"/t/{secret}", null);

    private static string ConfirmAction(LinkPurpose purpose, string? secret) =>
        purpose == LinkPurpose.TaskCode ? "/t/kod/bekrafta" : $"/t/{secret}/bekrafta";

    /// <summary>The task page for a view in any state: the form when open, otherwise what happened.</summary>
    private static IResult View(
        HttpContext http, IAntiforgery af, PageRenderer pages, EngineOptions engine, TaskLinkView view, string language, string action, string? code,
        AnswerForm? given, IReadOnlyList<Engine.Runtime.AnswerProblem> problems, int status = StatusCodes.Status200OK)
    {
        switch (view.State)
        {
            case TaskLinkState.Unknown:
                return Message(http, pages, language, "unknown", StatusCodes.Status404NotFound, codePage: true);
            case TaskLinkState.Expired:
                return Message(http, pages, language, "expired", StatusCodes.Status410Gone);
            case TaskLinkState.Withdrawn:
                return Message(http, pages, language, "withdrawn", StatusCodes.Status410Gone);
            case TaskLinkState.Answered:
                return Answered(http, pages, engine, view, language, StatusCodes.Status200OK);
            case TaskLinkState.Informed:
                var informed = TaskPageModel.For(view, language, engine.TimeZone, form: null, DocumentLinks(action, code));
                informed["notice"] = Notice(language, "informed");
                return pages.Page(http, "task", language, view.Task!.Title, informed);
        }

        var tokens = af.GetAndStoreTokens(http);
        var form = TaskPageModel.Form(
            view, language, action, (tokens.FormFieldName, tokens.RequestToken!), given, problems, code, http.RequestServices.GetRequiredService<DocumentRules>().Limits.MaxBytes);
        return pages.Page(http, "task", language, view.Task!.Title, TaskPageModel.For(view, language, engine.TimeZone, form, DocumentLinks(action, code)), status);
    }

    /// <summary>Documents are downloaded by the link in the mail ("/t/{secret}/dokument/…"); a page opened by code lists them without links.</summary>
    private static string? DocumentLinks(string action, string? code) =>
        code is null && action.StartsWith("/t/", StringComparison.Ordinal) && !action.StartsWith("/t/kod", StringComparison.Ordinal) ? action + "/dokument/" : null;

    private static IResult NotOpen(HttpContext http, IAntiforgery af, PageRenderer pages, EngineOptions engine, TaskLinkView view, string language) =>
        view.State == TaskLinkState.Answered
            ? Answered(http, pages, engine, view, language, StatusCodes.Status409Conflict)
            : View(http, af, pages, engine, view, language, "", null, null, []);

    private static IResult Receipt(HttpContext http, PageRenderer pages, EngineOptions engine, TaskLinkView view, string language)
    {
        var texts = PageTexts.For(language);
        var task = view.Task!;
        var model = TaskPageModel.For(view, language, engine.TimeZone, form: null);
        model["notice"] = new JsonObject
        {
            ["heading"] = texts["receipt_heading"],
            ["paragraphs"] = new JsonArray(string.Format(
                CultureInfo.InvariantCulture, texts["receipt_body"], OutcomeLabels.Of(task.Outcome!, PageLanguage.Culture(language)), TaskPageModel.MomentText(task.ClosedAt!.Value, engine.TimeZone, language))),
        };
        return pages.Page(http, "task", language, texts["receipt_heading"], model);
    }

    private static IResult Answered(HttpContext http, PageRenderer pages, EngineOptions engine, TaskLinkView view, string language, int status)
    {
        var texts = PageTexts.For(language);
        var task = view.Task!;
        var model = TaskPageModel.For(view, language, engine.TimeZone, form: null);
        model["notice"] = new JsonObject
        {
            ["heading"] = texts["answered_heading"],
            ["paragraphs"] = new JsonArray(string.Format(
                CultureInfo.InvariantCulture,
                texts["answered_body"],
                task.CompletedBy,
                OutcomeLabels.Of(task.Outcome ?? "", PageLanguage.Culture(language)),
                task.ClosedAt is { } at ? TaskPageModel.MomentText(at, engine.TimeZone, language) : "")),
        };
        return pages.Page(http, "task", language, texts["answered_heading"], model, status);
    }

    private static IResult ConfirmForm(HttpContext http, IAntiforgery af, PageRenderer pages, TaskLinkView view, string language, string action, string? code, AnswerForm answer, bool wrong)
    {
        var texts = PageTexts.For(language);
        var tokens = af.GetAndStoreTokens(http);
        var model = new JsonObject
        {
            ["action"] = action,
            ["antiforgery_name"] = tokens.FormFieldName,
            ["antiforgery_value"] = tokens.RequestToken,
            ["outcome"] = answer.Outcome,
            ["comment"] = answer.Comment,
            ["code"] = code,
            ["wrong"] = wrong,
            ["data"] = new JsonArray((answer.Data ?? []).Select(d => (JsonNode?)new JsonObject { ["name"] = d.Key, ["value"] = d.Value?.ToString() }).ToArray()),
            ["body_text"] = string.Format(CultureInfo.InvariantCulture, texts["confirm_body"], OutcomeLabels.Of(answer.Outcome, PageLanguage.Culture(language)), view.Token!.Recipient),
        };
        return pages.Page(http, "confirm", language, texts["confirm_heading"], model, wrong ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static IResult CodeForm(HttpContext http, IAntiforgery af, PageRenderer pages, string language, bool wrong)
    {
        var tokens = af.GetAndStoreTokens(http);
        var model = new JsonObject
        {
            ["action"] = "/t/kod",
            ["antiforgery_name"] = tokens.FormFieldName,
            ["antiforgery_value"] = tokens.RequestToken,
            ["wrong"] = wrong,
        };
        return pages.Page(http, "code", language, PageTexts.For(language)["code_heading"], model, wrong ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static IResult Forged(HttpContext http, PageRenderer pages, string language) =>
        Message(http, pages, language, "forgery", StatusCodes.Status400BadRequest);

    private static IResult Unreadable(HttpContext http, PageRenderer pages, string language) =>
        Message(http, pages, language, "unreadable", StatusCodes.Status400BadRequest);

    /// <summary>A page that only says what happened: "{name}_heading" and "{name}_body" of the texts.</summary>
    public static IResult Message(HttpContext http, PageRenderer pages, string language, string name, int status, bool codePage = false)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var texts = PageTexts.For(language);
        var model = new JsonObject
        {
            ["heading"] = texts[$"{name}_heading"],
            ["paragraphs"] = new JsonArray(texts[$"{name}_body"]),
            ["code_page"] = codePage ? "/t/kod" + (language == PageLanguage.English ? "?lang=en" : "") : null,
        };
        return pages.Page(http, "message", language, texts[$"{name}_heading"], model, status);
    }

    private static JsonObject Notice(string language, string name)
    {
        var texts = PageTexts.For(language);
        return new JsonObject { ["heading"] = texts[$"{name}_heading"], ["paragraphs"] = new JsonArray(texts[$"{name}_body"]) };
    }

    private static AnswerForm AnswerOf(IFormCollection form)
    {
        var data = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith("data.", StringComparison.Ordinal)))
        {
            if (value.FirstOrDefault() is { Length: > 0 } text)
            {
                data[key[5..]] = text.Trim();
            }
        }

        var comment = form["comment"].FirstOrDefault();
        return new AnswerForm(form["outcome"].FirstOrDefault()?.Trim() ?? "", string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), data.Count > 0 ? data : null);
    }

    private static LinkUse UseOf(HttpContext http) =>
        new(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.FirstOrDefault());
}
