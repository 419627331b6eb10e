using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Templates;
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

namespace BusFlow.Web.Pages.Templates;

/// <summary>
/// One mail template edited by an administrator, one language at a time: the Liquid text beside the
/// preview of both languages with a sample task, "Förhandsgranska" (renders, saves nothing) and "Spara"
/// (a template with a mistake is refused at its part and line; an edit begun from an older version than
/// the newest is refused naming who saved the newer one, the text kept), and the versions, each viewable
/// and restorable.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class TemplateModel(IEnumerable<TemplateEditor> editors, AuditTrail audit, EngineOptions engine, IAuthorizationService authorization) : PageModel
{
    private TemplateEditor _editor = null!;

    public string Name { get; private set; } = "";

    public string Language { get; private set; } = FluidMessageTemplates.Swedish;

    /// <summary>The text in the form: the current one, or what was sent.</summary>
    public TemplateText Text { get; private set; } = new("", "", "");

    /// <summary>The version number the form's text was begun from (0: the folder's files).</summary>
    public int BasedOn { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The version the edit began from, or null when it began from the folder's files.</summary>
    public TemplateVersion? BasedOnVersion { get; private set; }

    /// <summary>False when the language has neither files nor a saved version yet.</summary>
    public bool LanguageExists { get; private set; } = true;

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public string? Notice { get; private set; }

    public string? Conflict { get; private set; }

    public IReadOnlyList<TemplatePreview> Previews { get; private set; } = [];

    public IReadOnlyList<TemplateVersion> History { get; private set; } = [];

    /// <summary>The old version asked for with <c>?version=</c>, shown read-only with its restore button.</summary>
    public TemplateVersion? Viewing { get; private set; }

    /// <summary>The newest version number of <see cref="Viewing"/>'s language, which a restore is based on.</summary>
    public int RestoreBasedOn { get; private set; }

    public static IReadOnlyList<string> Languages => FluidMessageTemplates.Languages;

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    /// <summary>Whether <paramref name="version"/> is the one mail is sent with now (the newest of its language).</summary>
    public bool InUse(TemplateVersion version) => History.First(v => v.Language == version.Language).Id == version.Id;

    public async Task<IActionResult> OnGetAsync(string name, string? sprak, long? version)
    {
        if (!Find(name, sprak))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        await LoadCurrentAsync(ct);
        if (version is { } id)
        {
            Viewing = await _editor.VersionAsync(Name, id, ct);
            if (Viewing is null)
            {
                return NotFound();
            }

            RestoreBasedOn = History.FirstOrDefault(v => v.Language == Viewing.Language)?.Number ?? 0;
        }

        Previews = await PreviewsAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string name, string? sprak, string? subject, string? text, string? html, int basedOn, string? note)
    {
        if (!Find(name, sprak))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        await LoadFormAsync(subject, text, html, basedOn, note, ct);
        var trial = _editor.Try(Language, Text);
        Errors = TemplateWords.Of(trial.Errors);
        Notice = trial.Succeeded ? Strings.Template_Previewed : null;
        Previews = await PreviewsAsync(trial, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, string? sprak, string? subject, string? text, string? html, int basedOn, string? note)
    {
        if (!Find(name, sprak))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        await LoadFormAsync(subject, text, html, basedOn, note, ct);
        var result = await _editor.SaveAsync(Name, Language, Text, BasedOn, Note, AuditTrail.ActorOf(User), ct);
        return await AnsweredAsync(result, saved => string.Format(CultureInfo.CurrentCulture, Strings.Template_Saved, saved.Number), ct);
    }

    public async Task<IActionResult> OnPostRestoreAsync(string name, string? sprak, long version, int basedOn)
    {
        if (!Find(name, sprak))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        if (await _editor.VersionAsync(Name, version, ct) is not { } restored)
        {
            return NotFound();
        }

        Language = restored.Language;
        await LoadCurrentAsync(ct);
        Text = restored.Text;
        var note = string.Format(CultureInfo.CurrentCulture, Strings.Template_RestoredNote, restored.Number);
        var result = await _editor.SaveAsync(Name, Language, Text, basedOn, note, AuditTrail.ActorOf(User), ct);
        return await AnsweredAsync(result, saved => string.Format(CultureInfo.CurrentCulture, Strings.Template_Restored, restored.Number, saved.Number), ct);
    }

    /// <summary>Reading needs an administrator; every change needs one who may write (the page's policy covers reading only).</summary>
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

    private async Task<IActionResult> AnsweredAsync(TemplateSaveResult result, Func<TemplateVersion, string> notice, CancellationToken ct)
    {
        if (result.Saved is { } saved)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"template:{Name}.{Language}", detail: $"version {saved.Number}: {saved.Note}");
            await LoadCurrentAsync(ct);
            Notice = notice(saved);
            Previews = await PreviewsAsync(null, ct);
            return Page();
        }

        if (result.Newer is { } newer)
        {
            Conflict = string.Format(CultureInfo.CurrentCulture, Strings.Template_Conflict, newer.SavedBy, newer.Number, Local(newer.SavedAt));
            // The next "Spara" replaces the newer version knowingly; the text typed stays in the form.
            BasedOn = newer.Number;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            Errors = TemplateWords.Of(result.Errors);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        Previews = await PreviewsAsync(_editor.Try(Language, Text), ct);
        return Page();
    }

    private bool Find(string name, string? language)
    {
        if (editors.FirstOrDefault() is not { } editor || !editor.Exists(name))
        {
            return false;
        }

        _editor = editor;
        Name = name;
        Language = Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? FluidMessageTemplates.Swedish;
        return true;
    }

    private async Task LoadCurrentAsync(CancellationToken ct)
    {
        var (text, version, own) = await _editor.CurrentAsync(Name, Language, ct);
        Text = text;
        BasedOnVersion = version;
        BasedOn = version?.Number ?? 0;
        LanguageExists = own;
        History = await _editor.HistoryAsync(Name, ct);
    }

    private async Task LoadFormAsync(string? subject, string? text, string? html, int basedOn, string? note, CancellationToken ct)
    {
        await LoadCurrentAsync(ct);
        // The version the form was begun from, not the newest: that is how a newer one is noticed.
        BasedOnVersion = History.FirstOrDefault(v => v.Language == Language && v.Number == basedOn);
        BasedOn = Math.Max(basedOn, 0);
        Text = new TemplateText(subject ?? "", text ?? "", html ?? "");
        Note = note;
    }

    /// <summary>Both languages: the edited one from <paramref name="edited"/> when the form was sent, the other as it is sent now.</summary>
    private async Task<IReadOnlyList<TemplatePreview>> PreviewsAsync(TemplateTrial? edited, CancellationToken ct)
    {
        var previews = new List<TemplatePreview>();
        foreach (var language in Languages)
        {
            if (language == Language && edited is not null)
            {
                previews.Add(new TemplatePreview(language, edited.Rendered, Unsaved: true, SentInSwedish: false));
                continue;
            }

            var (text, _, own) = await _editor.CurrentAsync(Name, language, ct);
            var rendered = _editor.Try(own ? language : FluidMessageTemplates.Swedish, text).Rendered;
            previews.Add(new TemplatePreview(language, rendered, Unsaved: false, SentInSwedish: !own));
        }

        return previews;
    }
}
