using System.Globalization;
using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using NodaTime;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>How the agreement pages say an agreement's period and status, and an instance's, in the reader's language.</summary>
public static class AgreementText
{
    public static string Validity(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return string.Format(CultureInfo.CurrentCulture, Strings.Agreements_ValidityRange, Date(agreement.ValidFrom), Date(agreement.ValidUntil));
    }

    /// <summary>A revision's errors, each on its input ("date", "note").</summary>
    public static FieldErrors ErrorsOf(IEnumerable<AgreementFieldError> errors)
    {
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            var field = error.Field == "date" ? Strings.AgreementRevision_Date : Strings.AgreementRevision_Note;
            var problem = error.Problem == AgreementProblem.TooLong ? Strings.AgreementRevision_NoteTooLong : Strings.AgreementProblem_Required;
            fields.Add(error.Field, string.Format(CultureInfo.CurrentCulture, problem, field, AgreementRules.NoteMaxLength));
        }

        return fields;
    }

    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => Strings.AgreementStatus_Draft,
        AgreementStatus.InDecision => Strings.AgreementStatus_InDecision,
        AgreementStatus.Signed => Strings.AgreementStatus_Signed,
        AgreementStatus.Active => Strings.AgreementStatus_Active,
        AgreementStatus.Expired => Strings.AgreementStatus_Expired,
        _ => Strings.AgreementStatus_Superseded,
    };

    public static string Status(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => Strings.InstanceStatus_Running,
        InstanceStatus.Waiting => Strings.InstanceStatus_Waiting,
        InstanceStatus.Completed => Strings.InstanceStatus_Completed,
        InstanceStatus.Faulted => Strings.InstanceStatus_Faulted,
        _ => Strings.InstanceStatus_Cancelled,
    };
}
