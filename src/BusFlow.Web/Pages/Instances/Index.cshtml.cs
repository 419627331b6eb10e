using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// The workflow instances, newest first, 50 a page, filtered in the database by workflow, state,
/// agreement, board and free text; for those who read everything, as GET /api/instances is.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Overseer)]
public sealed class InstancesModel(IWorkflowStore store, LateTimerWatch lateTimers, EngineOptions engine) : PageModel
{
    public InstanceFilter Filter { get; private set; } = InstanceFilter.Read(null, null, null, null, null, null);

    public IReadOnlyList<WorkflowInstance> Instances { get; private set; } = [];

    public int Count { get; private set; }

    public IReadOnlyList<PublishedDefinition> Definitions { get; private set; } = [];

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<Board> Boards { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public LateTimerReport Late { get; private set; } = new(0, null, TimeSpan.Zero);

    public bool HasPrevious => Filter.Page > 1;

    public bool HasNext => Filter.Page * InstanceFilter.PageSize < Count;

    public int FirstShown => Count == 0 ? 0 : ((Filter.Page - 1) * InstanceFilter.PageSize) + 1;

    public int LastShown => FirstShown + Instances.Count - (Instances.Count > 0 ? 1 : 0);

    public string? LateAlarm => InstanceText.LateAlarm(Late, engine.TimeZone);

    public string State(InstanceStatus status) => InstanceText.State(status);

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    public string NameOf(string definitionId) => Definitions.FirstOrDefault(d => d.DefinitionId == definitionId)?.Name ?? definitionId;

    public async Task<IActionResult> OnGetAsync(string? arbetsflode, string? tillstand, string? overenskommelse, string? namnd, string? text, string? sida)
    {
        var ct = HttpContext.RequestAborted;
        Filter = InstanceFilter.Read(arbetsflode, tillstand, overenskommelse, namnd, text, sida);
        Late = await lateTimers.CheckAsync(ct);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        Definitions = await session.ListLatestDefinitionsAsync(ct);
        Agreements = [.. (await records.ListAgreementsAsync(ct)).OrderBy(a => a.Title, StringComparer.CurrentCulture)];
        Boards = [.. (await records.ListBoardsAsync(ct)).OrderBy(b => b.Name, StringComparer.CurrentCulture)];
        Errors = Filter.Errors(
            Definitions.Select(d => d.DefinitionId).ToHashSet(StringComparer.Ordinal),
            Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal),
            Boards.Select(b => b.Id).ToHashSet(StringComparer.Ordinal));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = Filter.Query();
        Count = await session.CountInstancesAsync(query, ct);
        Instances = await session.ListInstancesAsync(query, ct);
        return Page();
    }
}
