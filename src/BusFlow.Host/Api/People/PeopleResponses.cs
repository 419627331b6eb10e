using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using NodaTime;

namespace BusFlow.Host.Api.People;

public sealed record PersonResponse(string Id, string Name, string Email, string Language)
{
    public static PersonResponse Of(Person person) => new(person.Id, person.Name, person.Email, person.Language);
}

/// <summary>A person with every role she has had, has or will have, in the order they start.</summary>
public sealed record PersonDetailsResponse(string Id, string Name, string Email, string Language, IReadOnlyList<AssignmentResponse> Assignments);

/// <summary>A role on a board (boardId) or in a body (bodyId) from one day to another, both inclusive; until is null while it goes on.</summary>
public sealed record AssignmentResponse(Guid Id, string PersonId, RoleKind Role, string? BoardId, string? BodyId, LocalDate From, LocalDate? Until)
{
    public static AssignmentResponse Of(RoleAssignment assignment) =>
        new(assignment.Id, assignment.PersonId, assignment.Role, assignment.BoardId, assignment.BodyId, assignment.From, assignment.Until);
}

/// <summary>A person's particulars: language is "sv" (the default) or "en".</summary>
public sealed record PersonRequest(string? Name, string? Email, string? Language)
{
    public PersonDraft ToDraft() => new(Name, Email, Language);
}

/// <summary>A role for the person on a board (boardId) or in a body (bodyId), from a day, until a day or (without until) for as long as it goes on.</summary>
public sealed record AssignmentRequest(RoleKind? Role, string? BoardId, string? BodyId, LocalDate? From, LocalDate? Until);

/// <summary>An assignment's new days: from (the one it has when left out) and until (none: it goes on).</summary>
public sealed record AssignmentDaysRequest(LocalDate? From, LocalDate? Until);

public sealed record PersonReference(string Id, string Name)
{
    public static PersonReference Of(Person person) => new(person.Id, person.Name);
}

/// <summary>One role: who holds it today and on the day asked about, and whether that changes.</summary>
public sealed record RolePreviewLineResponse(RoleKind Role, IReadOnlyList<PersonReference> Today, IReadOnlyList<PersonReference> On, bool Changes)
{
    public static RolePreviewLineResponse Of(RolePreviewLine line) =>
        new(line.Role, [.. line.Today.Select(PersonReference.Of)], [.. line.OnDay.Select(PersonReference.Of)], line.Changes);
}

/// <summary>The roles of a board today and on another day (by default the next 1 January).</summary>
public sealed record RolePreviewResponse(string Id, string Name, LocalDate Today, LocalDate On, bool Changes, IReadOnlyList<RolePreviewLineResponse> Roles)
{
    public static RolePreviewResponse Of(RolePreviewSheet sheet) =>
        new(sheet.Id, sheet.Name, sheet.Today, sheet.On, sheet.Changes, [.. sheet.Lines.Select(RolePreviewLineResponse.Of)]);
}
