using System.Globalization;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Bus.Roles;
using BusFlow.Web.Resources;
using NodaTime;

namespace BusFlow.Web.Pages.People;

/// <summary>People, roles and their errors as a person reads them, in her language.</summary>
public static class PeopleText
{
    private static bool Swedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    /// <summary>"Ordförande", "Vice chair": a role as a table's cell or an option says it.</summary>
    public static string RoleOf(RoleKind role)
    {
        var title = Swedish ? RoleTitles.Swedish(role) : RoleTitles.English(role);
        return char.ToUpper(title[0], CultureInfo.CurrentCulture) + title[1..];
    }

    /// <summary>A role in running text: "ordförande", "vice chair".</summary>
    public static string RoleInText(RoleKind role) => Swedish ? RoleTitles.Swedish(role) : RoleTitles.English(role);

    public static string LanguageOf(string language) => language == PersonRules.English ? Strings.Person_LanguageEnglish : Strings.Person_LanguageSwedish;

    public static string DateOf(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"1 januari 2023 – 31 december 2026", or "från 1 januari 2027" while it goes on.</summary>
    public static string PeriodOf(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.Until is { } until
            ? $"{DateOf(assignment.From)} – {DateOf(until)}"
            : string.Format(CultureInfo.CurrentCulture, Strings.Assignment_OpenPeriod, DateOf(assignment.From));
    }

    public static string Of(PersonFieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = Strings.ResourceManager.GetString("PersonField_" + error.Field, CultureInfo.CurrentUICulture) ?? error.Field;
        var problem = Strings.ResourceManager.GetString("PersonProblem_" + error.Problem, CultureInfo.CurrentUICulture) ?? "{0}";
        return string.Format(CultureInfo.CurrentCulture, problem, field);
    }

    public static string Of(AssignmentFieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = Strings.ResourceManager.GetString("AssignmentField_" + error.Field, CultureInfo.CurrentUICulture) ?? error.Field;
        if (error is { Problem: AssignmentProblem.Overlaps, Overlapping: { } other })
        {
            return string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_Overlaps, field,
                error.OverlappingHolder?.Name ?? other.PersonId, RoleInText(other.Role), PeriodOf(other));
        }

        var problem = Strings.ResourceManager.GetString("AssignmentProblem_" + error.Problem, CultureInfo.CurrentUICulture) ?? "{0}";
        return string.Format(CultureInfo.CurrentCulture, problem, field);
    }

    /// <summary>The form's errors of a person, each on its input.</summary>
    public static FieldErrors ErrorsOf(IEnumerable<PersonFieldError> errors)
    {
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            fields.Add(error.Field, Of(error));
        }

        return fields;
    }

    /// <summary>The form's errors of an assignment, each on its input; a board and a body are one input, "place".</summary>
    public static FieldErrors ErrorsOf(IEnumerable<AssignmentFieldError> errors)
    {
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            fields.Add(error.Field is "boardId" or "bodyId" ? "place" : error.Field, Of(error));
        }

        return fields;
    }
}
