using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Boards;

/// <summary>
/// Organizations entered by administrators, so that a new installation can hold its own municipality's
/// boards: a name unique in the installation and a kind; the id is made from the name.
/// </summary>
public sealed class OrganizationRegistry(IWorkflowStore store)
{
    public async Task<(Organization? Organization, IReadOnlyList<BoardFieldError> Errors)> CreateAsync(OrganizationDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var existing = await records.ListOrganizationsAsync(ct);
        var name = draft.Name?.Trim() ?? "";
        var errors = new List<BoardFieldError>();
        if (name.Length == 0)
        {
            errors.Add(new BoardFieldError("name", BoardProblem.Required));
        }
        else if (name.Length > BoardRules.NameMaxLength)
        {
            errors.Add(new BoardFieldError("name", BoardProblem.TooLong));
        }
        else if (existing.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new BoardFieldError("name", BoardProblem.NameTaken));
        }

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new BoardFieldError("kind", BoardProblem.Required));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var id = BoardRules.FreeId(BoardRules.Slug(name), candidate => existing.Any(o => o.Id == candidate));

        var organization = new Organization { Id = id, Name = name, Kind = draft.Kind!.Value };
        records.Add(organization);
        await session.CommitAsync(ct);
        return (organization, []);
    }
}
