using BusFlow.Bus.Model;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>How the body pages name a kind of body in the reader's language.</summary>
public static class BodyText
{
    public static string KindOf(BodyKind kind) => kind switch
    {
        BodyKind.SteeringGroup => Strings.BodyKind_SteeringGroup,
        BodyKind.ManagementGroup => Strings.BodyKind_ManagementGroup,
        BodyKind.WorkingGroup => Strings.BodyKind_WorkingGroup,
        _ => Strings.BodyKind_PresidiumMeeting,
    };
}
