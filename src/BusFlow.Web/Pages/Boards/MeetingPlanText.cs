using System.Globalization;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Boards;

/// <summary>A meeting plan's error as the secretary reads it: where (line, column) and what, in her language.</summary>
internal static class MeetingPlanText
{
    public static string Of(MeetingPlanError error)
    {
        var what = string.Format(CultureInfo.CurrentCulture, Problem(error.Problem), error.Value);
        return error.Line == 0 ? what
            : error.Column == 0 ? string.Format(CultureInfo.CurrentCulture, Strings.Board_ErrorAtLine, error.Line, what)
            : string.Format(CultureInfo.CurrentCulture, Strings.Board_ErrorAt, error.Line, error.Column, what);
    }

    private static string Problem(MeetingPlanProblem problem) => problem switch
    {
        MeetingPlanProblem.Empty => Strings.MeetingPlan_Empty,
        MeetingPlanProblem.NotText => Strings.MeetingPlan_NotText,
        MeetingPlanProblem.NoDate => Strings.MeetingPlan_NoDate,
        MeetingPlanProblem.BadDate => Strings.MeetingPlan_BadDate,
        MeetingPlanProblem.BadTime => Strings.MeetingPlan_BadTime,
        MeetingPlanProblem.TooManyColumns => Strings.MeetingPlan_TooManyColumns,
        MeetingPlanProblem.Duplicate => Strings.MeetingPlan_Duplicate,
        MeetingPlanProblem.InThePast => Strings.MeetingPlan_InThePast,
        MeetingPlanProblem.OutsideYear => Strings.MeetingPlan_OutsideYear,
        MeetingPlanProblem.TooLong => Strings.MeetingPlan_TooLong,
        _ => Strings.MeetingPlan_Unreadable,
    };
}
