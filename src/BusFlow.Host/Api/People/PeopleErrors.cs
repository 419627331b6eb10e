using BusFlow.Bus.People;
using BusFlow.Bus.Roles;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.People;

/// <summary>A person's or an assignment's field errors as the API reports them: a 422 naming each field.</summary>
internal static class PeopleErrors
{
    public static IResult Problem(IReadOnlyList<PersonFieldError> errors) =>
        ApiProblems.Invalid("The person cannot be saved; nothing was saved.", errors.Select(e => new ApiError($"$.{e.Field}", MessageOf(e.Problem)))).ToResult();

    public static IResult Problem(IReadOnlyList<AssignmentFieldError> errors) =>
        ApiProblems.Invalid("The assignment cannot be saved; nothing was saved.", errors.Select(e => new ApiError($"$.{e.Field}", MessageOf(e)))).ToResult();

    private static string MessageOf(PersonProblem problem) => problem switch
    {
        PersonProblem.Required => "required",
        PersonProblem.TooLong => $"too long (a name has at most {PersonRules.NameMaxLength} characters, an address {PersonRules.EmailMaxLength})",
        PersonProblem.BadEmail => "not an e-mail address, e.g. anna.lindqvist@exempelby.se",
        PersonProblem.EmailTaken => "another person has this address",
        _ => "sv or en",
    };

    private static string MessageOf(AssignmentFieldError error) => error.Problem switch
    {
        AssignmentProblem.Required when error.Field == "role" => "chair, viceChair, secretary, headOfAdministration, member or coOptedMember",
        AssignmentProblem.Required when error.Field == "boardId" => "a board (boardId) or a body (bodyId)",
        AssignmentProblem.Required => "required",
        AssignmentProblem.NoPerson => "no such person",
        AssignmentProblem.NoBoard => "no such board",
        AssignmentProblem.NoBody => "no such body",
        AssignmentProblem.BoardAndBody => "a board or a body, not both",
        AssignmentProblem.EndsBeforeStart => "before from: an assignment ends on or after the day it starts",
        _ => Overlap(error),
    };

    private static string Overlap(AssignmentFieldError error)
    {
        var other = error.Overlapping!;
        var until = other.Until is { } day ? $"to {day:yyyy-MM-dd}" : "with no end";
        return $"overlaps {error.OverlappingHolder?.Name ?? other.PersonId}'s assignment as {RoleTitles.English(other.Role)} from {other.From:yyyy-MM-dd} {until} (assignment {other.Id}); one person holds the role at a time";
    }
}
