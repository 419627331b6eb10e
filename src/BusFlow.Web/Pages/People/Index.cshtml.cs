using BusFlow.Accounts.Audit;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.People;

/// <summary>The people of the directory, each with a link to her roles; administrators and secretaries enter new people here.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class PeopleModel(VisiblePeople visible, PersonRegistry registry, AccountScopes scopes, AuditTrail audit) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public PersonDraft Draft { get; private set; } = new(null, null, PersonRules.Swedish);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? email, string? language)
    {
        await LoadAsync();
        if (!MayCreate)
        {
            return Forbid();
        }

        Draft = new PersonDraft(name, email, language);
        var saved = await registry.CreateAsync(Draft, HttpContext.RequestAborted);
        if (saved.Person is { } person)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"person:{person.Id}", detail: "person entered");
            return Redirect($"/personer/{Uri.EscapeDataString(person.Id)}?ny=1");
        }

        Errors = PeopleText.ErrorsOf(saved.Errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(User, ct);
        MayCreate = scope.MayEnterPeople && BusFlowPolicies.MayWrite(User);
        People = await visible.ListAsync(User, ct);
    }
}
