using System.Globalization;
using BusFlow.Bus.Boards;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Boards;

/// <summary>A board's field error as a person reads it: the field's label and what is wrong, in her language.</summary>
internal static class BoardText
{
    public static string Of(BoardFieldError error)
    {
        var field = Strings.ResourceManager.GetString("BoardField_" + error.Field, CultureInfo.CurrentUICulture) ?? error.Field;
        var problem = Strings.ResourceManager.GetString("BoardProblem_" + error.Problem, CultureInfo.CurrentUICulture) ?? "{0}";
        return string.Format(CultureInfo.CurrentCulture, problem, field);
    }
}
