using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace BusFlow.Web.Pages.People;

/// <summary>
/// A person, her particulars and her roles over time. Who may change what is <see cref="AccountScope"/>'s:
/// the particulars an administrator, or a secretary when every role of the person is on her boards;
/// an assignment an administrator, or the secretary of its board.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class PersonModel(
    IWorkflowStore store, VisiblePeople visible, PersonRegistry registry, AssignmentRegistry assignments, RolePreview preview, AccountScopes scopes, AuditTrail audit) : PageModel
{
    private AccountScope _scope = null!;

    public Person Person { get; private set; } = null!;

    public IReadOnlyList<RoleAssignment> Assignments { get; private set; } = [];

    /// <summary>The names of the boards and bodies, by id.</summary>
    public IReadOnlyDictionary<string, string> Places { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where the one looking may give the person a role: "board:sn", "body:styrgrupp", with their names.</summary>
    public IReadOnlyList<(string Value, string Name)> AssignablePlaces { get; private set; } = [];

    public bool MayChangeDetails { get; private set; }

    public PersonDraft Draft { get; private set; } = new(null, null, null);

    public FieldErrors DetailErrors { get; private set; } = FieldErrors.None;

    public FieldErrors AssignErrors { get; private set; } = FieldErrors.None;

    /// <summary>The assignment form as last sent, so that an error keeps what was typed.</summary>
    public (string? Place, string? Role, string? From, string? Until) Assigning { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public string NextNewYear => LocalDatePattern.Iso.Format(RolePreview.NextNewYear(preview.Today));

    public bool MayChange(RoleAssignment assignment) => _scope.KeepsAssignment(assignment) && BusFlowPolicies.MayWrite(User);

    public string PlaceOf(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var id = assignment.BoardId ?? assignment.BodyId ?? "";
        return Places.TryGetValue(id, out var name) ? name : id;
    }

    public async Task<IActionResult> OnGetAsync(string id, int? ny)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Draft = new PersonDraft(Person.Name, Person.Email, Person.Language);
        Notice = ny == 1 ? Strings.Person_Created : null;
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string id, string? name, string? email, string? language)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayChangeDetails)
        {
            return Forbid();
        }

        Draft = new PersonDraft(name, email, language);
        var saved = await registry.UpdateAsync(Person.Id, Draft, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (saved.Person is null)
        {
            DetailErrors = PeopleText.ErrorsOf(saved.Errors);
            return Refused(DetailErrors.Summary);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"person:{Person.Id}",
            detail: saved.PreviousEmail is null ? "particulars changed" : $"particulars changed, a new address among them; {saved.MovedTasks} open tasks went with it");
        await LoadAsync(id);
        Draft = new PersonDraft(Person.Name, Person.Email, Person.Language);
        Notice = saved.MovedTasks > 0
            ? Strings.Person_Saved + " " + string.Format(CultureInfo.CurrentCulture, Strings.Person_TasksMoved, saved.MovedTasks)
            : Strings.Person_Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, string? place, string? role, string? from, string? until)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Draft = new PersonDraft(Person.Name, Person.Email, Person.Language);
        Assigning = (place, role, from, until);
        var (boardId, bodyId) = PlaceIds(place);
        if (!AssignablePlaces.Any(p => p.Value == place) && !(boardId is null && bodyId is null && AssignablePlaces.Count > 0))
        {
            return Forbid();
        }

        var form = AssignmentForm.Read(role, from, until);
        if (boardId is null && bodyId is null)
        {
            form.Errors.Add("place", string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_Required, Strings.AssignmentField_place));
        }

        if (form.Errors.Any)
        {
            AssignErrors = form.Errors;
            return Refused(AssignErrors.Summary);
        }

        var saved = await assignments.AddAsync(new AssignmentDraft(Person.Id, form.Role, boardId, bodyId, form.From, form.Until), HttpContext.RequestAborted);
        if (saved.Assignment is not { } assignment)
        {
            AssignErrors = PeopleText.ErrorsOf(saved.Errors);
            return Refused(AssignErrors.Summary);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"person:{Person.Id}", detail: AssignmentForm.Describe("assigned", assignment));
        await LoadAsync(id);
        Assigning = default;
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Assignment_Added, PeopleText.RoleOf(assignment.Role), PlaceOf(assignment));
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string id, Guid assignment, string? until)
    {
        if (await RefusedChangeAsync(id, assignment) is { } refused)
        {
            return refused;
        }

        var held = Assignments.Single(a => a.Id == assignment);
        var day = LocalDatePattern.Iso.Parse(until ?? "");
        if (!day.Success && !string.IsNullOrWhiteSpace(until))
        {
            return Refused([string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_BadDate, Strings.AssignmentField_until)]);
        }

        var saved = await assignments.ChangeDaysAsync(assignment, held.From, day.Success ? day.Value : null, HttpContext.RequestAborted);
        if (saved.Assignment is not { } changed)
        {
            return Refused([.. saved.Errors.Select(PeopleText.Of)]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"person:{Person.Id}", detail: AssignmentForm.Describe("days changed", changed));
        await LoadAsync(id);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Assignment_Ended, PeopleText.RoleOf(changed.Role), PlaceOf(changed), PeopleText.PeriodOf(changed));
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, Guid assignment)
    {
        if (await RefusedChangeAsync(id, assignment) is { } refused)
        {
            return refused;
        }

        var removed = await assignments.RemoveAsync(assignment, HttpContext.RequestAborted);
        if (removed is null)
        {
            return Refused([Strings.Assignment_Gone]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"person:{Person.Id}", detail: AssignmentForm.Describe("removed", removed));
        await LoadAsync(id);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Assignment_Removed, PeopleText.RoleOf(removed.Role), PlaceOf(removed));
        return Page();
    }

    /// <summary>Loads the person for a change of one of her assignments: missing is a 404, not the caller's to change is refused.</summary>
    private async Task<IActionResult?> RefusedChangeAsync(string id, Guid assignment)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Draft = new PersonDraft(Person.Name, Person.Email, Person.Language);
        return Assignments.FirstOrDefault(a => a.Id == assignment) is not { } held
            ? (_scope.MayEnterPeople ? Refused([Strings.Assignment_Gone]) : Forbid())
            : MayChange(held) ? null : Forbid();
    }

    private PageResult Refused(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static (string? BoardId, string? BodyId) PlaceIds(string? place) => place switch
    {
        ['b', 'o', 'a', 'r', 'd', ':', .. var board] when board.Length > 0 => (board, null),
        ['b', 'o', 'd', 'y', ':', .. var body] when body.Length > 0 => (null, body),
        _ => (null, null),
    };

    private async Task<bool> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        _scope = await scopes.ForAsync(User, ct);
        if (!await visible.SeesAsync(User, id, ct))
        {
            return false;
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindPersonAsync(id, ct) is not { } person)
        {
            return false;
        }

        Person = person;
        Assignments = await records.ListAssignmentsOfAsync(person.Id, ct);
        var boards = await records.ListBoardsAsync(ct);
        var bodies = await records.ListBodiesAsync(ct);
        Places = boards.Select(b => (b.Id, b.Name)).Concat(bodies.Select(b => (b.Id, b.Name)))
            .DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var mayWrite = BusFlowPolicies.MayWrite(User);
        MayChangeDetails = _scope.MayChangePerson(Assignments) && mayWrite;
        AssignablePlaces = !mayWrite
            ? []
            : [
                .. boards.Where(b => _scope.KeepsBoard(b.Id)).OrderBy(b => b.Name, StringComparer.CurrentCulture).Select(b => ($"board:{b.Id}", b.Name)),
                .. bodies.Where(_ => _scope.IsAdministrator).OrderBy(b => b.Name, StringComparer.CurrentCulture).Select(b => ($"body:{b.Id}", b.Name)),
            ];
        return true;
    }
}
