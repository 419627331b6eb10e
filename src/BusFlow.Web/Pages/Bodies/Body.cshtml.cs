using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>
/// A collaboration body: who is in it on a day (today, or ?dag=2027-01-01) and, when its convener rotates, who
/// convenes in the coming years. An administrator adds members (co-opted ones too), ends and removes them here.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class BodyModel(BodyDirectory bodies, IWorkflowStore store, AccountScopes scopes, AssignmentRegistry assignments, AuditTrail audit) : PageModel
{
    public BodyView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> BoardNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>An administrator may change the body and its members (a body spans boards, more than one secretary keeps).</summary>
    public bool MayEdit { get; private set; }

    /// <summary>Everyone in the directory, for the member form.</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    public FieldErrors MemberErrors { get; private set; } = FieldErrors.None;

    /// <summary>The member form as last sent, so that an error keeps what was typed.</summary>
    public (string? Person, string? Role, string? From, string? Until) Adding { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Day => LocalDatePattern.Iso.Format(View.On);

    public string Today => LocalDatePattern.Iso.Format(bodies.Today);

    public async Task<IActionResult> OnGetAsync(string id, string? dag, string? sparad)
    {
        LocalDate? on = dag is not null && LocalDatePattern.Iso.Parse(dag) is { Success: true } parsed ? parsed.Value : null;
        if (!await LoadAsync(id, on))
        {
            return NotFound();
        }

        Notice = sparad switch
        {
            "ny" => Strings.Body_Created,
            "andrad" => Strings.Body_Saved,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string id, string? person, string? role, string? from, string? until)
    {
        if (await RefusedEditAsync(id) is { } refused)
        {
            return refused;
        }

        Adding = (person, role, from, until);
        var form = AssignmentForm.Read(role, from, until);
        if (string.IsNullOrWhiteSpace(person))
        {
            form.Errors.Add("personId", string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_Required, Strings.AssignmentField_personId));
        }

        var saved = form.Errors.Any ? null : await assignments.AddAsync(new AssignmentDraft(person, form.Role, null, View.Body.Id, form.From, form.Until), HttpContext.RequestAborted);
        if (saved?.Assignment is not { } assignment)
        {
            // Shown in a summary of its own that links to each input, and again at the input.
            MemberErrors = saved is null ? form.Errors : PeopleText.ErrorsOf(saved.Errors);
            return Refused([]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"body:{View.Body.Id}", detail: AssignmentForm.Describe("assigned", assignment));
        // The list shows the day the new member comes in when that is ahead, so that she is there to see.
        await LoadAsync(id, assignment.From > bodies.Today ? assignment.From : null);
        Adding = default;
        var name = People.FirstOrDefault(p => p.Id == assignment.PersonId)?.Name ?? assignment.PersonId;
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_RoleAssigned, name, PeopleText.RoleInText(assignment.Role), PeopleText.PeriodOf(assignment));
        return Page();
    }

    /// <summary>Ends a membership on a day (the last it is held), when a mandate is over.</summary>
    public async Task<IActionResult> OnPostEndAsync(string id, Guid assignment, string? until, string? dag)
    {
        if (await RefusedEditAsync(id, dag) is { } refused)
        {
            return refused;
        }

        if (await MembershipAsync(assignment) is not { } held)
        {
            return Refused([Strings.Body_NoSuchMembership]);
        }

        var end = LocalDatePattern.Iso.Parse(until ?? "");
        var saved = end.Success ? await assignments.ChangeDaysAsync(held.Id, held.From, end.Value, HttpContext.RequestAborted) : null;
        if (saved?.Assignment is not { } changed)
        {
            return Refused(saved is null
                ? [string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_BadDate, Strings.AssignmentField_until)]
                : PeopleText.ErrorsOf(saved.Errors).Summary);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"body:{View.Body.Id}", detail: AssignmentForm.Describe("ended", changed));
        await LoadAsync(id, View.On);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Body_MembershipEnded, NameOf(changed), PeopleText.DateOf(end.Value));
        return Page();
    }

    /// <summary>Takes out a membership entered by mistake.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string id, Guid assignment, string? dag)
    {
        if (await RefusedEditAsync(id, dag) is { } refused)
        {
            return refused;
        }

        if (await MembershipAsync(assignment) is not { } held || await assignments.RemoveAsync(held.Id, HttpContext.RequestAborted) is not { } removed)
        {
            return Refused([Strings.Body_NoSuchMembership]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"body:{View.Body.Id}", detail: AssignmentForm.Describe("removed", removed));
        await LoadAsync(id, View.On);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Body_MembershipRemoved, NameOf(removed));
        return Page();
    }

    public string BoardsOf(IReadOnlyList<string> boardIds) => string.Join(", ", boardIds.Select(b => BoardNames.GetValueOrDefault(b, b)));

    private string NameOf(RoleAssignment assignment) => People.FirstOrDefault(p => p.Id == assignment.PersonId)?.Name ?? assignment.PersonId;

    /// <summary>The assignment when it is one of this body's; another body's or a board's is not changed from here.</summary>
    private async Task<RoleAssignment?> MembershipAsync(Guid id) =>
        await assignments.FindAsync(id, HttpContext.RequestAborted) is { } found && found.BodyId == View.Body.Id ? found : null;

    /// <summary>Loads the body for a change: a missing body is a 404, a person who may not change it is refused.</summary>
    private async Task<IActionResult?> RefusedEditAsync(string id, string? dag = null) =>
        !await LoadAsync(id, LocalDatePattern.Iso.Parse(dag ?? "") is { Success: true } day ? day.Value : null) ? NotFound() : !MayEdit ? Forbid() : null;

    private PageResult Refused(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, LocalDate? on)
    {
        var ct = HttpContext.RequestAborted;
        var scope = await scopes.ForAsync(User, ct);
        if (await bodies.FindAsync(id, on, ct) is not { } view || !scope.SeesOrganization(view.Body.OrganizationId))
        {
            return false;
        }

        View = view;
        MayEdit = scope.IsAdministrator && BusFlowPolicies.MayWrite(User);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        BoardNames = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        People = MayEdit ? await records.ListPeopleAsync(ct) : [];
        return true;
    }
}
