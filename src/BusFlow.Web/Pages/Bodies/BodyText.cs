using System.Globalization;
using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>How the body pages name a kind of body, and what is wrong with a field, in the reader's language.</summary>
public static class BodyText
{
    public static string KindOf(BodyKind kind) => kind switch
    {
        BodyKind.SteeringGroup => Strings.BodyKind_SteeringGroup,
        BodyKind.ManagementGroup => Strings.BodyKind_ManagementGroup,
        BodyKind.WorkingGroup => Strings.BodyKind_WorkingGroup,
        _ => Strings.BodyKind_PresidiumMeeting,
    };

    /// <summary>The message of a problem, with {0} for the field's label.</summary>
    public static string ProblemOf(BodyProblem problem) =>
        Strings.ResourceManager.GetString("BodyProblem_" + problem, CultureInfo.CurrentUICulture) ?? "{0}";

    public static string BadYear => Strings.BodyProblem_BadYear;
}
