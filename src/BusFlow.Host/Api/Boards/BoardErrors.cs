using BusFlow.Bus.Boards;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.Boards;

/// <summary>A board's field errors as the API reports them: a 422 naming each field.</summary>
internal static class BoardErrors
{
    public static IResult Problem(IReadOnlyList<BoardFieldError> errors, string detail = "The board cannot be saved; nothing was saved.") =>
        ApiProblems.Invalid(detail, errors.Select(e => new ApiError($"$.{e.Field}", e.Field == "kind" ? "municipality, region, federation or other" : MessageOf(e.Problem)))).ToResult();

    private static string MessageOf(BoardProblem problem) => problem switch
    {
        BoardProblem.Required => "required",
        BoardProblem.TooLong => $"too long (a code has at most {BoardRules.CodeMaxLength} characters, a name {BoardRules.NameMaxLength})",
        BoardProblem.BadCode => "letters, digits and dashes, e.g. SN or BUN",
        BoardProblem.CodeTaken => "another board of the organization has this code",
        BoardProblem.NoOrganization => "no such organization",
        BoardProblem.NameTaken => "another organization has this name",
        _ => $"between 0 and {BoardRules.MaxNoticeDays} days",
    };
}
