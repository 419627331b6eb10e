using System.Globalization;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Diagrams;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// Two published versions of a workflow side by side for an administrator: the differences as a table
/// (name, inputs, variables, steps added, removed and moved, each changed setting with old and new value)
/// and both diagrams. A version that is not published is named in a message, with the versions that are.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class CompareModel(IWorkflowStore store, DefinitionCatalog catalog, ActivityRegistry registry) : PageModel
{
    public string DefinitionId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public IReadOnlyList<int> Versions { get; private set; } = [];

    public int? From { get; private set; }

    public int? To { get; private set; }

    public FieldErrors Errors { get; } = new();

    public IReadOnlyList<DefinitionDifference> Differences { get; private set; } = [];

    public string FromSvg { get; private set; } = "";

    public string ToSvg { get; private set; } = "";

    public bool Compared { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? fran, string? till)
    {
        var ct = HttpContext.RequestAborted;
        await using var session = await store.BeginAsync(ct);
        Versions = await PublishedVersions.ListAsync(session, id, ct);
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        DefinitionId = id;
        // Left out or left empty, "till" is the latest version and "fran" the one before "till".
        (fran, till) = (string.IsNullOrWhiteSpace(fran) ? null : fran.Trim(), string.IsNullOrWhiteSpace(till) ? null : till.Trim());
        To = Version(till, "till", Strings.WorkflowCompare_To) ?? (till is null ? Versions[^1] : null);
        From = Version(fran, "fran", Strings.WorkflowCompare_From)
            ?? (fran is null && To is { } to ? Versions.LastOrDefault(v => v < to, to) : null);
        var latest = await session.FindLatestDefinitionAsync(id, ct);
        Name = latest!.Name;
        if (Errors.Any || From is not { } from || To is not { } until)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var before = catalog.Parse((await session.FindDefinitionAsync(id, from, ct))!);
        var after = catalog.Parse((await session.FindDefinitionAsync(id, until, ct))!);
        Name = after.Name;
        Differences = DefinitionComparison.Compare(before, after);
        FromSvg = WorkflowDiagramSvg.Draw(before, registry, idPrefix: "diagram-from");
        ToSvg = WorkflowDiagramSvg.Draw(after, registry, idPrefix: "diagram-to");
        Compared = true;
        return Page();
    }

    /// <summary>The version asked for when it is published; otherwise an error naming the field, and null.</summary>
    private int? Version(string? asked, string field, string label)
    {
        if (asked is null)
        {
            return null;
        }

        if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && Versions.Contains(version))
        {
            return version;
        }

        Errors.Add(field, string.Format(CultureInfo.CurrentCulture, Strings.WorkflowCompare_UnknownVersion,
            label, asked, DefinitionId, string.Join(", ", Versions)));
        return null;
    }
}
