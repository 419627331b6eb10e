using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.People;

/// <summary>
/// People entered and changed by those who keep the collaboration's records: every field checked, every
/// error named, and nothing saved while any remains. An address belongs to one person, compared without
/// case, because reminders and task links go by address. A change of address takes the person's open
/// tasks to the new address in the same transaction (<see cref="TaskAddressMove"/>): the old address's
/// links die and the new one gets the tasks by mail.
/// </summary>
public sealed class PersonRegistry(IWorkflowStore store, WorkflowRuntime runtime)
{
    public async Task<PersonSaveResult> CreateAsync(PersonDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await CheckAsync(draft, records, null, ct) is { Count: > 0 } errors)
        {
            return new PersonSaveResult(null, errors);
        }

        var name = draft.Name!.Trim();
        var slug = BoardRules.Slug(name).Trim('-');
        var id = slug;
        for (var n = 2; await records.FindPersonAsync(id, ct) is not null; n++)
        {
            id = $"{slug}-{n}";
        }

        var person = new Person { Id = id, Name = name, Email = draft.Email!.Trim(), Language = LanguageOf(draft) };
        records.Add(person);
        await session.CommitAsync(ct);
        return new PersonSaveResult(person, []);
    }

    public Task<PersonSaveResult> UpdateAsync(string id, PersonDraft draft, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return runtime.ChangeAsync(actor, async change =>
        {
            var records = change.Store.Facet<IBusRecords>();
            if (await records.FindPersonAsync(id, ct) is not { } person)
            {
                return PersonSaveResult.NotFound;
            }

            if (await CheckAsync(draft, records, person, ct) is { Count: > 0 } errors)
            {
                return new PersonSaveResult(null, errors);
            }

            var email = draft.Email!.Trim();
            var previous = string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase) ? null : person.Email;
            person.Name = draft.Name!.Trim();
            person.Email = email;
            person.Language = LanguageOf(draft);
            var moved = previous is null ? 0 : await TaskAddressMove.MoveAsync(change, previous, email, ct);
            return new PersonSaveResult(person, [], previous) { MovedTasks = moved };
        }, ct);
    }

    private static string LanguageOf(PersonDraft draft) =>
        string.IsNullOrWhiteSpace(draft.Language) ? PersonRules.Swedish : draft.Language.Trim().ToLowerInvariant();

    private static async Task<List<PersonFieldError>> CheckAsync(PersonDraft draft, IBusRecords records, Person? changed, CancellationToken ct)
    {
        var errors = new List<PersonFieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new PersonFieldError("name", PersonProblem.Required));
        }
        else if (name.Length > PersonRules.NameMaxLength)
        {
            errors.Add(new PersonFieldError("name", PersonProblem.TooLong));
        }

        var email = draft.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new PersonFieldError("email", PersonProblem.Required));
        }
        else if (email.Length > PersonRules.EmailMaxLength)
        {
            errors.Add(new PersonFieldError("email", PersonProblem.TooLong));
        }
        else if (!PersonRules.IsEmail(email))
        {
            errors.Add(new PersonFieldError("email", PersonProblem.BadEmail));
        }
        else if (await records.FindPersonByEmailAsync(email, ct) is { } holder && holder.Id != changed?.Id)
        {
            errors.Add(new PersonFieldError("email", PersonProblem.EmailTaken));
        }

        if (!string.IsNullOrWhiteSpace(draft.Language) && !PersonRules.Languages.Contains(draft.Language.Trim().ToLowerInvariant()))
        {
            errors.Add(new PersonFieldError("language", PersonProblem.BadLanguage));
        }

        return errors;
    }
}
