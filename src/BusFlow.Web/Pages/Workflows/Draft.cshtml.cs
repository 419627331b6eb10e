using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Diagrams;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// A draft in the designer: its steps as a tree to add to, move and remove from; the chosen step's
/// properties as form fields from its descriptor; the whole JSON beside it; every error of the same
/// check as publishing, at its step and field; publish and delete. Each change is saved at once and
/// carries the draft's row version, so a change based on a draft someone else has saved since is
/// refused, with the change kept on the page.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class DraftModel(DefinitionDesigner designer, ActivityRegistry registry, AuditTrail audit, EngineOptions engine, SignInSettings settings) : PageModel
{
    public DefinitionDraft Draft { get; private set; } = null!;

    /// <summary>The draft's text as a tree, or null while its JSON cannot be read.</summary>
    public DraftDocument? Document { get; private set; }

    public IReadOnlyList<DraftStep> Steps { get; private set; } = [];

    public DraftStep? Step { get; private set; }

    public IReadOnlyList<DraftField> Fields { get; private set; } = [];

    /// <summary>The draft drawn as the version page draws a published one, once it has no error the loader finds.</summary>
    public string? Svg { get; private set; }

    public IReadOnlyList<string> References { get; private set; } = [];

    /// <summary>What publishing would refuse, each with the step and field it is at, where it has one.</summary>
    public IReadOnlyList<(DefinitionError Error, string? StepId, string? Field)> Problems { get; private set; } = [];

    /// <summary>Fields of the step form that could not be read (nothing was saved).</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The step form as posted, shown again when it could not be saved.</summary>
    public IReadOnlyDictionary<string, string>? Posted { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The JSON in the editor: the draft's, or what the person posted when it was not saved.</summary>
    public string JsonText { get; private set; } = "";

    public IReadOnlyList<string> ActivityTypes => registry.Types.Select(t => t.Descriptor.Type).Order(StringComparer.Ordinal).ToList();

    public bool MayChange => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    /// <summary>What the open step, or one of its properties ("reminders.maxAfter"), is for, in the reader's language.</summary>
    public string Described(string? property = null) =>
        Step is { } open && registry.Find(open.Type) is { } type ? type.DescriptionIn(CultureInfo.CurrentUICulture, property) : "";

    public IEnumerable<string> ErrorsAt(string? stepId, string field) =>
        Problems.Where(p => p.StepId == stepId && p.Field == field).Select(p => DesignerText.Worded(p.Error.Text))
            .Concat(FieldErrors.TryGetValue(field, out var error) ? [error] : []);

    /// <summary>The open step's errors that no field of its form shows: at the step itself, or at a property that is no field ("field: message").</summary>
    public IEnumerable<string> StepErrors() =>
        Problems.Where(p => Step is not null && p.StepId == Step.Id && !Fields.Any(f => p.Field is { } field && (field == f.Spec.Name || field.StartsWith(f.Spec.Name + ".", StringComparison.Ordinal))))
            .Select(p => p.Field is null ? DesignerText.Worded(p.Error.Text) : $"{p.Field}: {DesignerText.Worded(p.Error.Text)}");

    public async Task<IActionResult> OnGetAsync(Guid id, string? steg, string? klart)
    {
        if (!await LoadAsync(id, steg))
        {
            return NotFound();
        }

        Notice = klart switch
        {
            "sparat" => Strings.Designer_Saved,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveStepAsync(Guid id, int version, string step) =>
        ChangeAsync(id, version, step, document =>
        {
            var form = Request.Form.Keys.Where(k => k.StartsWith("f.", StringComparison.Ordinal))
                .ToDictionary(k => k[2..], k => Request.Form[k].ToString(), StringComparer.Ordinal);
            Posted = form;
            foreach (var error in document.SetFields(step, form))
            {
                FieldErrors[error.Field] = DesignerText.Worded(error.Message);
            }

            return FieldErrors.Count == 0 ? null : Strings.Designer_FieldsNotRead;
        });

    public Task<IActionResult> OnPostAddStepAsync(Guid id, int version, string parent, string property, string type, string newId, string? key) =>
        ChangeAsync(id, version, newId?.Trim() ?? "", document => document.Add(parent, property, type, newId?.Trim() ?? "", key) is { } refused
            ? InstanceText.Format(Strings.Designer_AddRefused, refused)
            : null, selectOnRefusal: parent);

    public Task<IActionResult> OnPostMoveStepAsync(Guid id, int version, string step, int offset) =>
        ChangeAsync(id, version, step, document => document.Move(step, Math.Sign(offset)) ? null : Strings.Designer_MoveRefused);

    public Task<IActionResult> OnPostRemoveStepAsync(Guid id, int version, string step) =>
        ChangeAsync(id, version, null, document => document.Remove(step) ? null : Strings.Designer_RemoveRefused, selectOnRefusal: step);

    public async Task<IActionResult> OnPostSaveJsonAsync(Guid id, int version, string? json, string? steg)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var text = json ?? "";
        var saved = await designer.SaveAsync(id, text, version, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        return await AfterSaveAsync(id, saved, steg, text);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, int version)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var published = await designer.PublishAsync(id, version, HttpContext.RequestAborted);
        switch (published.Status)
        {
            case DraftSaveStatus.NotFound:
                return NotFound();
            case DraftSaveStatus.Conflict:
                return await RefusedAsync(id, null, StatusCodes.Status409Conflict, ConflictMessage(published.Draft!), null);
            case DraftSaveStatus.Invalid:
                return await RefusedAsync(id, null, StatusCodes.Status422UnprocessableEntity, InstanceText.Format(Strings.Designer_PublishRefused, published.Errors!.Count), null);
        }

        var draft = published.Draft!;
        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"definition:{draft.DefinitionId}", detail: $"published version {published.PublishedVersion} from the designer");
        return Redirect($"/arbetsfloden?publicerad={Uri.EscapeDataString(draft.DefinitionId)}&version={published.PublishedVersion}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        if (!await designer.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"draft:{id}", detail: "deleted");
        return Redirect("/arbetsfloden");
    }

    /// <summary>
    /// Applies a structured change to the draft as saved and saves it. When the draft changed since the
    /// page was loaded, the change is applied to the newer text and shown in the JSON editor unsaved.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, int version, string? select, Func<DraftDocument, string?> change, string? selectOnRefusal = null)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var ct = HttpContext.RequestAborted;
        if (await designer.FindAsync(id, ct) is not { } current)
        {
            return NotFound();
        }

        if (DraftDocument.TryParse(current.Json, registry) is not { } document)
        {
            return await RefusedAsync(id, select, StatusCodes.Status422UnprocessableEntity, Strings.Designer_JsonUnreadable, null);
        }

        if (change(document) is { } refused)
        {
            return await RefusedAsync(id, selectOnRefusal ?? select, StatusCodes.Status422UnprocessableEntity, refused, null);
        }

        var saved = await designer.SaveAsync(id, document.ToJson(), version, AuditTrail.ActorOf(User), ct);
        return await AfterSaveAsync(id, saved, select, document.ToJson());
    }

    private async Task<IActionResult> AfterSaveAsync(Guid id, DraftSaveResult saved, string? select, string posted) => saved.Status switch
    {
        DraftSaveStatus.NotFound => NotFound(),
        DraftSaveStatus.Conflict => await RefusedAsync(id, select, StatusCodes.Status409Conflict, ConflictMessage(saved.Draft!), posted),
        _ => Redirect($"{DesignerText.DraftPath(id)}?{(select is { Length: > 0 } ? $"steg={Uri.EscapeDataString(select)}&" : "")}klart=sparat"),
    };

    private string ConflictMessage(DefinitionDraft other) =>
        InstanceText.Format(Strings.Designer_Conflict, other.SavedBy, Local(other.SavedAt));

    private async Task<IActionResult> RefusedAsync(Guid id, string? select, int status, string message, string? unsavedJson)
    {
        if (!await LoadAsync(id, select))
        {
            return NotFound();
        }

        Errors = [message];
        if (unsavedJson is not null)
        {
            JsonText = unsavedJson;
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, string? select)
    {
        var ct = HttpContext.RequestAborted;
        if (await designer.FindAsync(id, ct) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        JsonText = draft.Json;
        Document = DraftDocument.TryParse(draft.Json, registry);
        var check = await designer.CheckAsync(draft.DefinitionId, draft.Json, ct);
        var errors = check.Errors;
        if (check.Loaded is { } loaded)
        {
            Svg = WorkflowDiagramSvg.Draw(loaded, registry, idPrefix: "draft-diagram");
        }

        if (Document is { } document)
        {
            Steps = document.Steps();
            // Without a choice the first step is open, so that a blank draft shows where its first step goes.
            Step = select is null ? Steps.FirstOrDefault() : document.Find(select);
            Fields = Step is null ? [] : document.Fields(Step.Id);
            References = Step is null ? [] : document.References(Step.Id);
            Problems = errors.Select(e => document.Locate(e.JsonPath) is var (stepId, field) ? (e, stepId, field) : (e, null, null)).ToList();
        }
        else
        {
            Problems = errors.Select(e => (e, (string?)null, (string?)null)).ToList();
        }

        return true;
    }
}
