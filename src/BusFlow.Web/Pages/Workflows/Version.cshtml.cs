using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Diagrams;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// One published version of a workflow for an administrator: its name, description, when it was published,
/// how many instances run on it, its diagram and its JSON, the JSON to download for the workflows folder,
/// and a form to compare it with another version.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class VersionModel(IWorkflowStore store, DefinitionCatalog catalog, ActivityRegistry registry, EngineOptions engine) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;

    public string PublishedAt { get; private set; } = "";

    public int Instances { get; private set; }

    public int StillGoing { get; private set; }

    public IReadOnlyList<int> Versions { get; private set; } = [];

    /// <summary>The diagram as SVG, for the page to place inline.</summary>
    public string Svg { get; private set; } = "";

    /// <summary>The version the compare form starts at: the one before this, or the next when this is the first.</summary>
    public int CompareWith => Versions.LastOrDefault(v => v < Definition.Version, Versions.FirstOrDefault(v => v != Definition.Version));

    public async Task<IActionResult> OnGetAsync(string id, int version)
    {
        var ct = HttpContext.RequestAborted;
        await using var session = await store.BeginAsync(ct);
        if (await session.FindDefinitionAsync(id, version, ct) is not { } published)
        {
            return NotFound();
        }

        Definition = catalog.Parse(published);
        PublishedAt = InstanceText.At(published.PublishedAt, engine.TimeZone);
        Instances = await session.CountInstancesAsync(new InstanceQuery(DefinitionId: id, DefinitionVersion: version), ct);
        StillGoing = await session.CountGoingAsync(id, version, ct);

        Versions = await PublishedVersions.ListAsync(session, id, ct);
        Svg = WorkflowDiagramSvg.Draw(Definition, registry);
        return Page();
    }
}
