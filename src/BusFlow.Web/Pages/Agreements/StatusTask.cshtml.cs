using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Model;
using BusFlow.Bus.Status;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// One open task of an agreement's workflows, reached from its status board by an administrator: send
/// its mail again, hand it to a substitute, or give it a later due date, each with a reason that goes
/// into the task's journal and the audit log. A task that is not the agreement's, or no longer open,
/// changes nothing and says so.
/// </summary>
[Authorize(Policy = BusFlowPolicies.AdministratorWriter)]
public sealed class StatusTaskModel(
    VisibleAgreements visible, TaskInterventions interventions, IWorkflowStore store, EngineOptions engine, AuditTrail audit, IClock clock) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;

    public ActionNeeded? OpenTask { get; private set; }

    public string AssigneeText { get; private set; } = "";

    public IReadOnlyList<Person> People { get; private set; } = [];

    public string? Notice { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>Which form the errors belong to, so that only its fields keep what was typed.</summary>
    public string? FailedForm { get; private set; }

    public (string Person, string Date, string Reason) Typed { get; private set; } = ("", "", "");

    public string AgreementPath => "/overenskommelser/" + Uri.EscapeDataString(Agreement.Id);

    public async Task<IActionResult> OnGetAsync(string id, Guid task) =>
        await LoadAsync(id, task) ? Page() : NotFound();

    public Task<IActionResult> OnPostResendAsync(string id, Guid task, string? reason) =>
        InterveneAsync(id, task, "resend", reason, "", "",
            actor => interventions.ResendAsync(id, task, reason, actor, HttpContext.RequestAborted),
            () => string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_Resent, AssigneeText),
            "task mail sent again");

    public Task<IActionResult> OnPostSubstituteAsync(string id, Guid task, string? person, string? reason) =>
        InterveneAsync(id, task, "substitute", reason, person ?? "", "",
            actor => interventions.SubstituteAsync(id, task, person, reason, actor, HttpContext.RequestAborted),
            () => string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_Substituted, AssigneeText),
            $"task handed to {person}");

    public Task<IActionResult> OnPostExtendAsync(string id, Guid task, string? date, string? reason)
    {
        var day = LocalDatePattern.Iso.Parse(date?.Trim() ?? "") is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
        return InterveneAsync(id, task, "extend", reason, "", date ?? "",
            actor => day is null ? Task.FromResult(InterventionOutcome.DateNotLater) : interventions.ExtendAsync(id, task, day, reason, actor, HttpContext.RequestAborted),
            () => string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_Extended, AgreementText.Date(day!.Value)),
            $"task due date moved to {date}");
    }

    private async Task<IActionResult> InterveneAsync(
        string id, Guid task, string form, string? reason, string person, string date,
        Func<string, Task<InterventionOutcome>> intervene, Func<string> done, string auditDetail)
    {
        if (!await LoadAsync(id, task))
        {
            return NotFound();
        }

        var previous = OpenTask;
        var outcome = await intervene(AuditTrail.ActorOf(User));
        if (outcome == InterventionOutcome.Done)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"task:{task}", detail: $"{auditDetail} (agreement {id}): {reason?.Trim()}");
            await LoadAsync(id, task);
            Notice = done();
            return Page();
        }

        FailedForm = form;
        Typed = (person, date, reason ?? "");
        var errors = new FieldErrors();
        switch (outcome)
        {
            case InterventionOutcome.ReasonNeeded:
                errors.Add($"{form}-reason", string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_ReasonNeeded, TaskInterventions.ReasonMaxLength));
                break;
            case InterventionOutcome.UnknownPerson:
                errors.Add("person", Strings.StatusTask_UnknownPerson);
                break;
            case InterventionOutcome.AlreadyAssigned:
                errors.Add("person", string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_AlreadyAssigned, AssigneeText));
                break;
            case InterventionOutcome.DateNotLater:
                errors.Add("date", previous?.DueDate is { } due
                    ? string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_DateNotLater, AgreementText.Date(due))
                    : Strings.StatusTask_DateNeeded);
                break;
            default:
                errors.Add($"{form}-reason", Strings.StatusTask_NotOpen);
                break;
        }

        Errors = errors;
        Response.StatusCode = outcome == InterventionOutcome.NotOpen ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, Guid taskId)
    {
        var ct = HttpContext.RequestAborted;
        if (!await visible.SeesAsync(User, id, ct))
        {
            return false;
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is not { } agreement)
        {
            return false;
        }

        Agreement = agreement;
        var board = await AgreementStatusReader.ReadAsync(session, id, clock.GetCurrentInstant().InZone(engine.TimeZone).Date, engine.TimeZone, ct);
        OpenTask = board.MustAct.FirstOrDefault(a => a.TaskId == taskId);
        var people = await records.ListPeopleAsync(ct);
        People = [.. people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))];
        if (OpenTask is { } open)
        {
            var name = people.FirstOrDefault(p => string.Equals(p.Email, open.Assignee, StringComparison.OrdinalIgnoreCase))?.Name;
            AssigneeText = StatusText.Who(name, open.Assignee);
            return true;
        }

        // Answered or closed: the page says so, unless the task never was the agreement's.
        return await session.FindTaskAsync(taskId, ct) is { } closed
            && await Bus.Journal.AgreementInstances.IncludesAsync(session, id, closed.InstanceId, ct);
    }
}
