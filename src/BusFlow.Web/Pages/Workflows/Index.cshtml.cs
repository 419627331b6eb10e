using BusFlow.Accounts.Audit;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// The designer's start: the published definitions (latest version, instances still going), the drafts,
/// the errors of the last import of the workflows folder, and forms to start a blank draft or one from
/// a published version.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class IndexModel(IWorkflowStore store, DefinitionDesigner designer, WorkflowFolderStatus folder, AuditTrail audit, EngineOptions engine, SignInSettings settings) : PageModel
{
    public IReadOnlyList<DefinitionLine> Definitions { get; private set; } = [];

    public IReadOnlyList<DefinitionDraft> Drafts { get; private set; } = [];

    public PublishReport? FolderImport => folder.Last;

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public string? Notice { get; private set; }

    [BindProperty]
    public string NewId { get; set; } = "";

    [BindProperty]
    public string NewName { get; set; } = "";

    public bool MayChange => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    public async Task OnGetAsync(string? publicerad, int? version)
    {
        await LoadAsync();
        if (publicerad is not null && version is { } published && Definitions.FirstOrDefault(d => d.Latest.DefinitionId == publicerad) is { } line)
        {
            Notice = InstanceText.Format(Strings.Designer_Published, published, line.Latest.Name, line.Going);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var created = await designer.CreateBlankAsync(NewId, NewName, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (created.Draft is not { } draft)
        {
            var (field, message) = created.Problem switch
            {
                DraftCreationProblem.NameMissing => ("new-name", Strings.Designer_NameMissing),
                DraftCreationProblem.IdTaken => ("new-id", Strings.Designer_IdTaken),
                _ => ("new-id", Strings.Designer_InvalidId),
            };
            FieldErrors[field] = message;
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"draft:{draft.Id}", detail: $"blank draft of '{draft.DefinitionId}'");
        return Redirect(DesignerText.DraftPath(draft.Id));
    }

    public async Task<IActionResult> OnPostFromVersionAsync(string definitionId, int version)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var created = await designer.CreateFromVersionAsync(definitionId, version, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (created.Draft is not { } draft)
        {
            return NotFound();
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"draft:{draft.Id}", detail: $"draft of '{definitionId}' from version {version}");
        return Redirect(DesignerText.DraftPath(draft.Id));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Drafts = await designer.ListAsync(ct);
        await using var session = await store.BeginAsync(ct);
        var lines = new List<DefinitionLine>();
        foreach (var latest in await session.ListLatestDefinitionsAsync(ct))
        {
            lines.Add(new DefinitionLine(latest, await session.CountGoingAsync(latest.DefinitionId, version: null, ct)));
        }

        Definitions = lines;
    }
}
