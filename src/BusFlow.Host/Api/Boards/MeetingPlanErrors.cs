using BusFlow.Bus.MeetingPlans;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.Boards;

/// <summary>A meeting plan's errors as the API reports them: each with its line and column, in English.</summary>
internal static class MeetingPlanErrors
{
    public static IResult Problem(IReadOnlyList<MeetingPlanError> errors) =>
        ApiProblems.Invalid(
            $"The meeting plan has {errors.Count} error(s); nothing was saved.",
            errors.Select(e => new ApiError(PathOf(e), MessageOf(e)))).ToResult();

    private static string PathOf(MeetingPlanError error) =>
        error.Line == 0 ? "file" : error.Column == 0 ? $"line {error.Line}" : $"line {error.Line}, column {error.Column}";

    public static string MessageOf(MeetingPlanError error) => error.Problem switch
    {
        MeetingPlanProblem.Empty => "The file has no meetings.",
        MeetingPlanProblem.NotText => "The file is not text: save the sheet as CSV (semicolon separated).",
        MeetingPlanProblem.NoDate => "The line has no date.",
        MeetingPlanProblem.BadDate => $"'{error.Value}' is not a date (write 2027-02-10 or 10 februari 2027).",
        MeetingPlanProblem.BadTime => $"'{error.Value}' is not a time (write 13:00 or 13.00).",
        MeetingPlanProblem.TooManyColumns => $"The line has more than three columns (date; time; place): '{error.Value}'.",
        MeetingPlanProblem.Duplicate => $"{error.Value} is planned twice.",
        MeetingPlanProblem.InThePast => $"{error.Value} has passed.",
        MeetingPlanProblem.OutsideYear => $"{error.Value} is not in the year of the plan.",
        MeetingPlanProblem.TooLong => "The place is longer than 200 characters.",
        _ => $"'{error.Value}' cannot be read.",
    };
}
