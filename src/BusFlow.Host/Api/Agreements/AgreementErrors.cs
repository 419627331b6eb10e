using BusFlow.Bus.Agreements;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.Agreements;

/// <summary>An agreement's or a revision's field errors as the API reports them: a 422 naming each field by its JSON path.</summary>
internal static class AgreementErrors
{
    public static IResult Problem(IReadOnlyList<AgreementFieldError> errors, string detail = "The agreement cannot be saved; nothing was saved.") =>
        ApiProblems.Invalid(detail, errors.Select(e => new ApiError($"$.{e.Field}", MessageOf(e)))).ToResult();

    private static string MessageOf(AgreementFieldError error) => error.Problem switch
    {
        AgreementProblem.Required when error.Field == "cycle" => "springAndAutumn or yearlyFollowUp",
        AgreementProblem.Required when error.Field.EndsWith(".involvement", StringComparison.Ordinal) => "decides or consulted",
        AgreementProblem.Required => "required",
        AgreementProblem.TooLong when error.Field == "note" => $"at most {AgreementRules.NoteMaxLength} characters",
        AgreementProblem.TooLong => $"at most {AgreementRules.TitleMaxLength} characters",
        AgreementProblem.EndsBeforeStart => "before validFrom: an agreement ends on or after the day it starts",
        AgreementProblem.StatusNotSettable => "draft or active, or the status the agreement has: its decision round sets the others",
        AgreementProblem.NoOrganization => "no such organization",
        AgreementProblem.NoBoard => "no such board",
        AgreementProblem.NoPerson => "no such person",
        AgreementProblem.NoBody => "no such body",
        AgreementProblem.BodyNeeded => "an agreement in force needs the body that meets in its yearly meetings",
        AgreementProblem.NoAgreement => "no such agreement",
        AgreementProblem.OwnPredecessor => "an agreement is not its own predecessor",
        AgreementProblem.NoParties => "at least one party",
        AgreementProblem.BoardOrOrganization => "a board (boardId) or an organization (organizationId), one of the two",
        AgreementProblem.PartyTwice => "a party once only",
        AgreementProblem.NotARecipient => "not a board or an organization",
        _ => "a recipient once only",
    };
}
