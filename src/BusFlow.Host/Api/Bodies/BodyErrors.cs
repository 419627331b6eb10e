using BusFlow.Bus.Bodies;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.Bodies;

/// <summary>A body's field errors as the API reports them: a 422 naming each field by its JSON path ($.rotationOrder[1][0]).</summary>
internal static class BodyErrors
{
    public static IResult Problem(IReadOnlyList<BodyFieldError> errors) =>
        ApiProblems.Invalid("The body cannot be saved; nothing was saved.", errors.Select(e => new ApiError($"$.{e.Field}", MessageOf(e)))).ToResult();

    private static string MessageOf(BodyFieldError error) => error.Problem switch
    {
        BodyProblem.Required when error.Field == "kind" => "steeringGroup, managementGroup, workingGroup or presidiumMeeting",
        BodyProblem.Required when error.Field.StartsWith("rotationOrder", StringComparison.Ordinal) => "a board id (a slot names at least one board)",
        BodyProblem.Required => "required",
        BodyProblem.TooLong => $"at most {BodyRules.NameMaxLength} characters",
        BodyProblem.NoOrganization => "no such organization",
        BodyProblem.NoAgreement => "no such agreement",
        BodyProblem.NoBoard => "no such board",
        BodyProblem.BoardTwice => "the board is in the rotation already; each board convenes in one slot",
        BodyProblem.NoOrder => "a start year needs the rotation's order",
        BodyProblem.NoStartYear => "the year the first slot convenes, since the rotation has an order",
        _ => $"a year between {BodyRules.FirstYear} and {BodyRules.LastYear}",
    };
}
