using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.People;

/// <summary>
/// Role assignments on boards and in bodies, added, given new days (an end, when a mandate is over) and
/// removed (one entered by mistake). The person and the board or body must exist, an assignment may not
/// end before it starts, and a one-seat role (<see cref="SeatRules.HasOneSeat"/>) may not be given twice
/// for the same day: the error names the assignment in the way. Nothing is saved while any error remains.
/// </summary>
public sealed class AssignmentRegistry(IWorkflowStore store)
{
    public async Task<AssignmentSaveResult> AddAsync(AssignmentDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var errors = new List<AssignmentFieldError>();
        var personId = draft.PersonId?.Trim() ?? "";
        if (personId.Length == 0)
        {
            errors.Add(new AssignmentFieldError("personId", AssignmentProblem.Required));
        }
        else if (await records.FindPersonAsync(personId, ct) is null)
        {
            errors.Add(new AssignmentFieldError("personId", AssignmentProblem.NoPerson));
        }

        if (draft.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add(new AssignmentFieldError("role", AssignmentProblem.Required));
        }

        var boardId = Blank(draft.BoardId);
        var bodyId = Blank(draft.BodyId);
        if (boardId is not null && bodyId is not null)
        {
            errors.Add(new AssignmentFieldError("bodyId", AssignmentProblem.BoardAndBody));
        }
        else if (boardId is null && bodyId is null)
        {
            errors.Add(new AssignmentFieldError("boardId", AssignmentProblem.Required));
        }
        else if (boardId is not null && await records.FindBoardAsync(boardId, ct) is null)
        {
            errors.Add(new AssignmentFieldError("boardId", AssignmentProblem.NoBoard));
        }
        else if (bodyId is not null && await records.FindBodyAsync(bodyId, ct) is null)
        {
            errors.Add(new AssignmentFieldError("bodyId", AssignmentProblem.NoBody));
        }

        errors.AddRange(CheckDays(draft.From, draft.Until));
        if (errors.Count > 0)
        {
            return new AssignmentSaveResult(null, errors);
        }

        var assignment = new RoleAssignment
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            Role = draft.Role!.Value,
            BoardId = boardId,
            BodyId = bodyId,
            From = draft.From!.Value,
            Until = draft.Until,
        };
        if (await OverlapAsync(assignment, records, ct) is { } overlap)
        {
            return new AssignmentSaveResult(null, [overlap]);
        }

        records.Add(assignment);
        await session.CommitAsync(ct);
        return new AssignmentSaveResult(assignment, []);
    }

    /// <summary>New days for an assignment: an end set when the mandate is over, or a start or end corrected.</summary>
    public async Task<AssignmentSaveResult> ChangeDaysAsync(Guid id, LocalDate? from, LocalDate? until, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAssignmentAsync(id, ct) is not { } assignment)
        {
            return AssignmentSaveResult.NotFound;
        }

        if (CheckDays(from, until) is { Count: > 0 } errors)
        {
            return new AssignmentSaveResult(null, errors);
        }

        var changed = new RoleAssignment
        {
            Id = assignment.Id,
            PersonId = assignment.PersonId,
            Role = assignment.Role,
            BoardId = assignment.BoardId,
            BodyId = assignment.BodyId,
            From = from!.Value,
            Until = until,
        };
        if (await OverlapAsync(changed, records, ct) is { } overlap)
        {
            return new AssignmentSaveResult(null, [overlap]);
        }

        assignment.From = changed.From;
        assignment.Until = changed.Until;
        await session.CommitAsync(ct);
        return new AssignmentSaveResult(assignment, []);
    }

    /// <summary>Takes an assignment out; the one taken out, or null when there was none.</summary>
    public async Task<RoleAssignment?> RemoveAsync(Guid id, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAssignmentAsync(id, ct) is not { } assignment)
        {
            return null;
        }

        records.Remove(assignment);
        await session.CommitAsync(ct);
        return assignment;
    }

    /// <summary>The assignment's board or body, for deciding who may change it.</summary>
    public async Task<RoleAssignment?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.Facet<IBusRecords>().FindAssignmentAsync(id, ct);
    }

    private static string? Blank(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();

    private static List<AssignmentFieldError> CheckDays(LocalDate? from, LocalDate? until)
    {
        var errors = new List<AssignmentFieldError>();
        if (from is null)
        {
            errors.Add(new AssignmentFieldError("from", AssignmentProblem.Required));
        }
        else if (until < from)
        {
            errors.Add(new AssignmentFieldError("until", AssignmentProblem.EndsBeforeStart));
        }

        return errors;
    }

    /// <summary>The first other assignment of the same one-seat role there that shares a day with <paramref name="assignment"/>, as an error on the day that clashes.</summary>
    private static async Task<AssignmentFieldError?> OverlapAsync(RoleAssignment assignment, IBusRecords records, CancellationToken ct)
    {
        if (!SeatRules.HasOneSeat(assignment.Role))
        {
            return null;
        }

        var place = assignment.BoardId ?? assignment.BodyId!;
        var other = (await records.ListAssignmentsOnAsync(place, ct)).FirstOrDefault(a =>
            a.Id != assignment.Id && a.Role == assignment.Role && a.BoardId == assignment.BoardId && a.BodyId == assignment.BodyId
            && SeatRules.ShareADay(a, assignment));
        if (other is null)
        {
            return null;
        }

        var field = other.IsHeldOn(assignment.From) ? "from" : "until";
        return new AssignmentFieldError(field, AssignmentProblem.Overlaps, other, await records.FindPersonAsync(other.PersonId, ct));
    }
}
