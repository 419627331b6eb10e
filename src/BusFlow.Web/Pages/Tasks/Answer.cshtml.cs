using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Documents;
using BusFlow.Bus.Papers;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.TaskPages;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Tasks;

/// <summary>
/// A task answered by the signed-in person, with the rules of the mailed link (the outcomes, the
/// comment and facts each asks for); a task that needs the signer's own proof is answered only by link.
/// </summary>
public sealed class AnswerModel(IWorkflowStore store, WorkflowRuntime runtime, AccountScopes scopes, AuditTrail audit, DocumentRules documentRules, EngineOptions engine) : PageModel
{
    private AccountScope? _scope;

    public HumanTask? Task { get; private set; }
    public bool CanAnswer { get; private set; }
    public string? Notice { get; private set; }
    public string? Comment { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    /// <summary>The documents the task shows (its case and kinds), newest version first.</summary>
    public IReadOnlyList<StoredDocument> Documents { get; private set; } = [];

    public bool TakesFiles => Fields.Any(f => f.IsFile);

    /// <summary>When a document was uploaded, in the installation's time zone.</summary>
    public string UploadedText(StoredDocument document) =>
        document.UploadedAt.InZone(engine.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string DocumentHint => string.Format(CultureInfo.CurrentCulture, Strings.Task_DocumentHint, DocumentRules.SizeText(documentRules.Limits.MaxBytes));

    /// <summary>Whether the task is a board's part of a decision round, whose memo can be downloaded.</summary>
    public bool HasMemo => Task is { } task && BoardMemo.IsFor(task);

    public string LabelOf(string outcome) => OutcomeLabels.Of(outcome, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "sv-SE" : "en-GB");

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcome, string? comment)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (!CanAnswer)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var data = new JsonObject();
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("data.", StringComparison.Ordinal)))
        {
            if (value.FirstOrDefault() is { Length: > 0 } text)
            {
                data[key[5..]] = text.Trim();
            }
        }

        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
        var files = documentRules.Check(
            TaskAnswerSpec.Parse(Task!.AnswerSpecJson), await BusFlow.Web.Pages.Documents.PostedFiles.ReadAsync(Request.Form, documentRules.Limits.MaxBytes, HttpContext.RequestAborted));
        if (files.Problems.Count > 0)
        {
            Errors = [.. files.Problems.Select(p => p.In(swedish))];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Fields = FieldView.Of(Task!, data);
            return Page();
        }

        var answer = new TaskAnswer(outcome?.Trim() ?? "", Comment, AuditTrail.ActorOf(User), data.Count > 0 ? data : null)
        {
            Proof = "session",
            MayAnswer = task => _scope!.MayAnswerTask(task.Assignee, task.Role),
            Documents = files.Uploads,
        };
        var completion = await runtime.CompleteTaskAsync(id, answer, HttpContext.RequestAborted);
        switch (completion.Status)
        {
            case TaskCompletionStatus.Completed:
                await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"task {id}", detail: $"answered '{answer.Outcome}' on the page");
                Task = completion.Task;
                CanAnswer = false;
                await LoadDocumentsAsync();
                Notice = string.Format(CultureInfo.CurrentCulture, Strings.Task_Answered, LabelOf(answer.Outcome));
                return Page();
            case TaskCompletionStatus.InvalidAnswer or TaskCompletionStatus.InvalidOutcome:
                Errors = completion.Problems.Count > 0 ? [.. completion.Problems.Select(p => p.In(swedish))] : [string.Join(", ", Task!.Outcomes)];
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Fields = FieldView.Of(Task!, data);
                return Page();
            case TaskCompletionStatus.NotPermitted:
                Notice = Strings.Task_NotYours;
                Task = null;
                CanAnswer = false;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case TaskCompletionStatus.InstanceNotWaiting:
                Notice = Strings.Task_Stopped;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                Notice = Strings.Task_Closed;
                CanAnswer = false;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    /// <summary>Reads the task and what the person may do with it; a result when the page must not show it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var scope = _scope = await scopes.ForAsync(User, HttpContext.RequestAborted);
        await using (var session = await store.BeginAsync(HttpContext.RequestAborted))
        {
            Task = await session.FindTaskAsync(id, HttpContext.RequestAborted);
        }

        if (Task is null)
        {
            return NotFound();
        }

        if (!scope.MayAnswerTask(Task.Assignee, Task.Role))
        {
            Notice = Strings.Task_NotYours;
            Task = null;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var spec = TaskAnswerSpec.Parse(Task.AnswerSpecJson);
        CanAnswer = Task.Status == HumanTaskStatus.Open && !spec.NeedsConfirmationCode;
        Notice = Task.Status != HumanTaskStatus.Open ? Strings.Task_Closed : spec.NeedsConfirmationCode ? Strings.Task_NeedsLink : null;
        Fields = FieldView.Of(Task, null);
        await LoadDocumentsAsync();
        return null;
    }

    private async Task LoadDocumentsAsync()
    {
        if (TaskAnswerSpec.Parse(Task!.AnswerSpecJson).Documents is not { } shelf)
        {
            return;
        }

        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        Documents = await session.Facet<IDocuments>().ListAsync(shelf.CaseKey, shelf.Kinds, HttpContext.RequestAborted);
    }
}
