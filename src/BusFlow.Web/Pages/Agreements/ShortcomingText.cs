using System.Globalization;
using BusFlow.Bus.Shortcomings;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>The words of shortcomings on the agreement's pages: severities, states, what was assessed and done, and the report's errors.</summary>
public static class ShortcomingText
{
    public static string Severity(ShortcomingSeverity severity) => severity switch
    {
        ShortcomingSeverity.Serious => Strings.ShortcomingSeverity_Serious,
        ShortcomingSeverity.Critical => Strings.ShortcomingSeverity_Critical,
        _ => Strings.ShortcomingSeverity_Minor,
    };

    /// <summary>A severity as the form offers it: with what it means.</summary>
    public static string SeverityChoice(ShortcomingSeverity severity) => severity switch
    {
        ShortcomingSeverity.Serious => Strings.Shortcoming_SeveritySerious,
        ShortcomingSeverity.Critical => Strings.Shortcoming_SeverityCritical,
        _ => Strings.Shortcoming_SeverityMinor,
    };

    public static string State(ShortcomingState state) => state switch
    {
        ShortcomingState.Assessed => Strings.ShortcomingState_Assessed,
        ShortcomingState.Remedied => Strings.ShortcomingState_Remedied,
        ShortcomingState.Closed => Strings.ShortcomingState_Closed,
        _ => Strings.ShortcomingState_Reported,
    };

    /// <summary>The assessment and the remedy, each a line; none while it is only reported.</summary>
    public static IEnumerable<string> Outcome(Shortcoming shortcoming)
    {
        ArgumentNullException.ThrowIfNull(shortcoming);
        if (shortcoming.Accepted is { } accepted)
        {
            yield return string.Format(CultureInfo.CurrentCulture, accepted ? Strings.Shortcomings_Accepted : Strings.Shortcomings_Dismissed, shortcoming.Assessment);
        }

        if (shortcoming.Remedy is { } remedy)
        {
            yield return string.Format(CultureInfo.CurrentCulture, Strings.Shortcomings_Remedy, remedy);
        }
    }

    public static FieldErrors ErrorsOf(IEnumerable<ShortcomingFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var found = new FieldErrors();
        foreach (var error in errors)
        {
            var label = error.Field switch
            {
                "whatHappened" => Strings.Shortcoming_What,
                "occurredOn" => Strings.Shortcoming_When,
                "concerns" => Strings.Shortcoming_Concerns,
                "severity" => Strings.Shortcoming_Severity,
                _ => Strings.Shortcoming_Contact,
            };
            var message = error.Problem switch
            {
                ShortcomingProblem.TooLong => Strings.ShortcomingProblem_TooLong,
                ShortcomingProblem.BadDate => Strings.ShortcomingProblem_BadDate,
                ShortcomingProblem.InTheFuture => Strings.ShortcomingProblem_InTheFuture,
                ShortcomingProblem.NotAParty => Strings.ShortcomingProblem_NotAParty,
                ShortcomingProblem.UnknownSeverity => Strings.ShortcomingProblem_UnknownSeverity,
                _ => Strings.ShortcomingProblem_Required,
            };
            found.Add(error.Field, string.Format(CultureInfo.CurrentCulture, message, label));
        }

        return found;
    }
}
