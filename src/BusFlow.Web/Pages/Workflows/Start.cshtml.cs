using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// Starts an instance of a definition's latest version by hand, its inputs as form fields, as
/// POST /api/instances does; the instance's page opens next.
/// </summary>
[Authorize(Policy = BusFlowPolicies.AdministratorWriter)]
public sealed class StartModel(IWorkflowStore store, DefinitionCatalog catalog, WorkflowRuntime runtime, AuditTrail audit) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var input = new JsonObject();
        var errors = new List<string>();
        foreach (var declaration in Definition.Inputs)
        {
            var text = Request.Form[$"input.{declaration.Name}"].ToString().Trim();
            Values[declaration.Name] = text;
            if (text.Length == 0)
            {
                continue;
            }

            if (InputFieldText.Read(declaration.Type, text) is { } value)
            {
                input[declaration.Name] = value;
            }
            else
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, Strings.Designer_StartValueUnread, declaration.Name));
            }
        }

        if (errors.Count == 0)
        {
            try
            {
                var started = await runtime.StartAsync(new StartRequest(Definition.Id, input, Version: Definition.Version, Actor: AuditTrail.ActorOf(User)), HttpContext.RequestAborted);
                await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"instance:{started.Instance.Id}", detail: $"started {Definition.Id} version {Definition.Version} from the designer");
                return Redirect($"/instanser/{started.Instance.Id}");
            }
            catch (WorkflowRequestException refused) when (refused.Kind == RequestErrorKind.Invalid)
            {
                // Each input's problem in the reader's language; the exception's own text is English, for the log.
                errors.AddRange(refused.Errors.Count > 0
                    ? refused.Errors.Select(e => $"{e.JsonPath.TrimStart('$', '.')}: {DesignerText.Worded(e.Text)}")
                    : [refused.Message]);
            }
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        if (await catalog.GetAsync(session, id, null, HttpContext.RequestAborted) is not { } definition)
        {
            return false;
        }

        Definition = definition;
        return true;
    }
}
