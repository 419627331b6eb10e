using System.Globalization;
using BusFlow.Bus.Model;
using BusFlow.Web.Resources;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.People;

/// <summary>The role and days of an assignment form as typed: read into values, or errors on the inputs that cannot be read.</summary>
public sealed record AssignmentForm(RoleKind? Role, LocalDate? From, LocalDate? Until, FieldErrors Errors)
{
    public static AssignmentForm Read(string? role, string? from, string? until)
    {
        var errors = new FieldErrors();
        RoleKind? kind = Enum.TryParse<RoleKind>(role, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (kind is null)
        {
            errors.Add("role", string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_Required, Strings.AssignmentField_role));
        }

        var start = LocalDatePattern.Iso.Parse(from ?? "");
        if (!start.Success)
        {
            errors.Add("from", string.Format(CultureInfo.CurrentCulture,
                string.IsNullOrWhiteSpace(from) ? Strings.AssignmentProblem_Required : Strings.AssignmentProblem_BadDate, Strings.AssignmentField_from));
        }

        var end = LocalDatePattern.Iso.Parse(until ?? "");
        if (!end.Success && !string.IsNullOrWhiteSpace(until))
        {
            errors.Add("until", string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_BadDate, Strings.AssignmentField_until));
        }

        return new AssignmentForm(kind, start.Success ? start.Value : null, end.Success ? end.Value : null, errors);
    }

    /// <summary>An assignment for the audit log: ids and days, no names.</summary>
    public static string Describe(string what, RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var place = assignment.BoardId is { } board ? $"board {board}" : $"body {assignment.BodyId}";
        var until = assignment.Until is { } day ? LocalDatePattern.Iso.Format(day) : "open";
        return $"{assignment.Role} of {assignment.PersonId} on {place}, {LocalDatePattern.Iso.Format(assignment.From)} to {until}: {what}";
    }
}
