using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Documents;

/// <summary>
/// A stored document, downloaded by a signed-in person: one who reads everything; one who may see a
/// task (<c>uppgift</c>) that shows the document; or one who sees the agreement the document's case
/// names ("agreement/{id}…"). Always an attachment of the sniffed type, never shown inline.
/// </summary>
public sealed class DownloadModel(IWorkflowStore store, AccountScopes scopes, VisibleAgreements agreements) : PageModel
{
    private const string AgreementCase = "agreement/";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? uppgift)
    {
        var ct = HttpContext.RequestAborted;
        var scope = await scopes.ForAsync(User, ct);
        StoredDocument? document;
        HumanTask? task;
        await using (var session = await store.BeginAsync(ct))
        {
            document = await session.Facet<IDocuments>().FindAsync(id, ct);
            task = uppgift is { } taskId ? await session.FindTaskAsync(taskId, ct) : null;
        }

        if (document is null)
        {
            return NotFound();
        }

        if (!await MaySeeAsync(scope, document, task, ct))
        {
            return Forbid();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<bool> MaySeeAsync(AccountScope scope, StoredDocument document, HumanTask? task, CancellationToken ct)
    {
        if (scope.ReadsEverything)
        {
            return true;
        }

        if (task is not null && scope.MaySeeTask(task.Assignee, task.Role) && TaskAnswerSpec.Parse(task.AnswerSpecJson).Documents?.Holds(document) == true)
        {
            return true;
        }

        return AgreementOf(document.CaseKey) is { } agreement && await agreements.SeesAsync(User, agreement, ct);
    }

    /// <summary>The agreement a case names: "agreement/sn-bun-2027" or "agreement/sn-bun-2027/round-2" give "sn-bun-2027".</summary>
    private static string? AgreementOf(string caseKey) =>
        caseKey.StartsWith(AgreementCase, StringComparison.Ordinal) && caseKey[AgreementCase.Length..].Split('/')[0] is { Length: > 0 } id ? id : null;
}
