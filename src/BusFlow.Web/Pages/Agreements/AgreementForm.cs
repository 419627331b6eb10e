using System.Globalization;
using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// The agreement form as sent, so that an error keeps what was typed: read from the request, turned into a
/// draft, and its field errors put on the inputs they belong to ("parties[1].boardId" on the row's party select).
/// </summary>
public sealed class AgreementForm
{
    /// <summary>Empty rows after the parties, for adding some.</summary>
    public const int SpareRows = 3;

    /// <summary>More rows than any agreement has parties: bounds what a sent form may ask for.</summary>
    public const int MaxRows = 60;

    public string Title { get; init; } = "";
    public string OrganizationId { get; init; } = "";
    public string ValidFrom { get; init; } = "";
    public string ValidUntil { get; init; } = "";
    public string Status { get; init; } = nameof(AgreementStatus.Draft);
    public string BodyId { get; init; } = "";
    public string Cycle { get; init; } = nameof(AgreementCycleShape.SpringAndAutumn);
    public string PredecessorId { get; init; } = "";
    public IReadOnlyList<AgreementPartyRow> Rows { get; init; } = [.. Enumerable.Repeat(AgreementPartyRow.Empty, SpareRows)];
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public static AgreementForm Of(Agreement agreement, IReadOnlyList<AgreementParty> parties)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementForm
        {
            Title = agreement.Title,
            OrganizationId = agreement.OrganizationId ?? "",
            ValidFrom = LocalDatePattern.Iso.Format(agreement.ValidFrom),
            ValidUntil = LocalDatePattern.Iso.Format(agreement.ValidUntil),
            Status = agreement.Status.ToString(),
            BodyId = agreement.BodyId ?? "",
            Cycle = agreement.Cycle.ToString(),
            PredecessorId = agreement.PredecessorId ?? "",
            Rows = [.. parties.OrderBy(p => p.Position).Select(p => new AgreementPartyRow(
                p.BoardId is { } board ? $"board:{board}" : $"organization:{p.OrganizationId}", p.RepresentativeId ?? "", p.Involvement.ToString())),
                .. Enumerable.Repeat(AgreementPartyRow.Empty, SpareRows)],
            Recipients = agreement.Recipients,
        };
    }

    public static AgreementForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rows = int.TryParse(form["rows"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? Math.Clamp(count, 0, MaxRows) : SpareRows;
        return new AgreementForm
        {
            Title = form["title"].ToString(),
            OrganizationId = form["organizationId"].ToString(),
            ValidFrom = form["validFrom"].ToString(),
            ValidUntil = form["validUntil"].ToString(),
            Status = form["status"].ToString(),
            BodyId = form["bodyId"].ToString(),
            Cycle = form["cycle"].ToString(),
            PredecessorId = form["predecessorId"].ToString(),
            Rows = [.. Enumerable.Range(0, rows).Select(i => new AgreementPartyRow(
                form[$"party-{i}"].ToString(), form[$"representative-{i}"].ToString(), form[$"involvement-{i}"].ToString()))],
            Recipients = [.. form["recipients"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!)],
        };
    }

    /// <summary>The draft the form says; rows left empty are not parties.</summary>
    public AgreementDraft ToDraft() => new(
        Title, OrganizationId, Date(ValidFrom), Date(ValidUntil), Enum.TryParse<AgreementStatus>(Status, out var status) ? status : null,
        BodyId, Enum.TryParse<AgreementCycleShape>(Cycle, out var cycle) ? cycle : null,
        [.. Rows.Where(r => !r.IsEmpty).Select(PartyOf)], Recipients, PredecessorId);

    /// <summary>The rows again for the form after an error: those filled in first, then empty ones to add to.</summary>
    public AgreementForm WithErrors(IReadOnlyList<AgreementFieldError> errors)
    {
        var filled = Rows.Where(r => !r.IsEmpty).ToList();
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            var (input, label) = InputOf(error.Field);
            var problem = Strings.ResourceManager.GetString("AgreementProblem_" + error.Problem, CultureInfo.CurrentUICulture) ?? "{0}";
            fields.Add(input, string.Format(CultureInfo.CurrentCulture, problem, label));
        }

        return new AgreementForm
        {
            Title = Title, OrganizationId = OrganizationId, ValidFrom = ValidFrom, ValidUntil = ValidUntil, Status = Status, BodyId = BodyId,
            Cycle = Cycle, PredecessorId = PredecessorId, Recipients = Recipients,
            Rows = [.. filled, .. Enumerable.Repeat(AgreementPartyRow.Empty, SpareRows)],
            Errors = fields,
        };
    }

    /// <summary>The input an error belongs to and the field's name in the message: parties[1].boardId is the party select of row 1.</summary>
    private static (string Input, string Label) InputOf(string field)
    {
        if (field.StartsWith("parties[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var row = int.Parse(field[8..close], CultureInfo.InvariantCulture);
            var number = (row + 1).ToString(CultureInfo.CurrentCulture);
            return field[(close + 1)..] switch
            {
                ".representativeId" => ($"representative-{row}", string.Format(CultureInfo.CurrentCulture, Strings.AgreementField_Representative, number)),
                ".involvement" => ($"involvement-{row}", string.Format(CultureInfo.CurrentCulture, Strings.AgreementField_Involvement, number)),
                _ => ($"party-{row}", string.Format(CultureInfo.CurrentCulture, Strings.AgreementField_Party, number)),
            };
        }

        var name = field.StartsWith("recipients", StringComparison.Ordinal) ? "recipients" : field;
        return (name, Strings.ResourceManager.GetString("AgreementField_" + name, CultureInfo.CurrentUICulture) ?? name);
    }

    private static AgreementPartyDraft PartyOf(AgreementPartyRow row)
    {
        var (kind, id) = row.Party.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (row.Party[..colon], row.Party[(colon + 1)..]) : ("", "");
        return new AgreementPartyDraft(
            kind == "board" ? id : null, kind == "organization" ? id : null, row.Representative,
            Enum.TryParse<PartyInvolvement>(row.Involvement, out var involvement) ? involvement : null);
    }

    private static NodaTime.LocalDate? Date(string text) => LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed ? parsed.Value : null;
}
