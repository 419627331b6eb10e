using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Papers;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Papers;

/// <summary>
/// The memo template for administrators: which version is in use (BusFlow's own until one is uploaded),
/// its download, the placeholders a template may use, and the upload of the municipality's own. A file
/// that is not a DOCX, or has a placeholder BusFlow does not know (named in the message), is refused and
/// nothing changes.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class MemoTemplateModel(MemoTemplates templates, AuditTrail audit, EngineOptions engine, IAuthorizationService authorization) : PageModel
{
    public const string FileField = "file";

    public PaperTemplate Current { get; private set; } = null!;

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public string? Notice { get; private set; }

    public static bool Swedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    public async Task OnGetAsync() => Current = await templates.CurrentAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var current = await templates.CurrentAsync(HttpContext.RequestAborted);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(current.Content, MemoPaper.ContentType, current.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        var ct = HttpContext.RequestAborted;
        var content = Array.Empty<byte>();
        if (file is { Length: > 0 and <= PaperTemplateCheck.MaxBytes })
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }
        else if (file is { Length: > PaperTemplateCheck.MaxBytes })
        {
            return await RefusedAsync(PaperTemplateCheckResult.Refused(PaperTemplateProblem.TooLarge));
        }

        var result = await templates.SaveAsync(content, file?.FileName ?? "", AuditTrail.ActorOf(User), ct);
        if (result.Saved is not { } saved)
        {
            return await RefusedAsync(result.Check);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: "paper-template:memo", detail: $"version {saved.Number} uploaded from {saved.FileName}");
        Current = saved;
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.MemoTemplate_Saved, saved.Number);
        return Page();
    }

    /// <summary>Reading needs an administrator; an upload needs one who may write (the page's policy covers reading only).</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsPost(context.HttpContext.Request.Method)
            && !(await authorization.AuthorizeAsync(User, BusFlowPolicies.AdministratorWriter)).Succeeded)
        {
            context.Result = Forbid();
            return;
        }

        await next();
    }

    /// <summary>The message for a refused file, in the page's language.</summary>
    public static string MessageOf(PaperTemplateCheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Problem switch
        {
            PaperTemplateProblem.TooLarge => Strings.MemoTemplate_TooLarge,
            PaperTemplateProblem.NotADocx => Strings.MemoTemplate_NotADocx,
            PaperTemplateProblem.UnknownPlaceholder => string.Format(CultureInfo.CurrentCulture, Strings.MemoTemplate_Unknown,
                string.Join(", ", check.UnknownPlaceholders.Select(p => "{{" + p + "}}")),
                string.Join(", ", MemoPlaceholders.All.Select(p => "{{" + p.Name + "}}"))),
            _ => Strings.MemoTemplate_Empty,
        };
    }

    private async Task<IActionResult> RefusedAsync(PaperTemplateCheckResult check)
    {
        Current = await templates.CurrentAsync(HttpContext.RequestAborted);
        var errors = new FieldErrors();
        errors.Add(FileField, MessageOf(check));
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
