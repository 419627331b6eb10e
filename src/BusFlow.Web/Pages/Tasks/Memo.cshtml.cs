using BusFlow.Bus.Model;
using BusFlow.Bus.Papers;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Tasks;

/// <summary>
/// A board's memo (tjänsteskrivelse) for the matter of a decision task, as a DOCX written from the
/// municipality's template: for whoever sees the task (its assignee, the board's secretary, those who
/// read everything) or sees the agreement it concerns. Always a download, never shown in the browser.
/// </summary>
public sealed class MemoModel(IWorkflowStore store, AccountScopes scopes, VisibleAgreements agreements, MemoTemplates templates, EngineOptions engine) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var scope = await scopes.ForAsync(User, ct);
        HumanTask? task;
        await using (var session = await store.BeginAsync(ct))
        {
            task = await session.FindTaskAsync(id, ct);
        }

        if (task is null || !BoardMemo.IsFor(task))
        {
            return NotFound();
        }

        if (!scope.MaySeeTask(task.Assignee, task.Role)
            && !(BoardMemo.AgreementOf(task) is { } agreement && await agreements.SeesAsync(User, agreement, ct)))
        {
            return Forbid();
        }

        MemoFacts facts;
        await using (var session = await store.BeginAsync(ct))
        {
            facts = (await BoardMemo.FactsAsync(session.Facet<IBusRecords>(), task, engine.TimeZone, ct))!;
        }

        var template = await templates.CurrentAsync(ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(MemoPaper.Write(template.Content, facts), MemoPaper.ContentType, MemoPaper.FileNameOf(facts));
    }
}
