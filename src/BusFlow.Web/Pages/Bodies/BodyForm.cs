using System.Globalization;
using System.Text.RegularExpressions;
using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>
/// A body's form as typed: its particulars and the rotation as rows, each a board and an optional second
/// board convening with it. Empty rows are left out of the rotation; an error is put on the input it is about.
/// </summary>
public sealed partial class BodyForm
{
    /// <summary>Rows shown beyond the rotation's slots, so that boards can be added without script.</summary>
    public const int SpareRows = 2;

    public const int MinimumRows = 4;

    public string? Name { get; init; }

    public string? Kind { get; init; }

    public string? OrganizationId { get; init; }

    public string? AgreementId { get; init; }

    public string? RotationStartYear { get; init; }

    /// <summary>The rotation's rows as typed, each its boards by select (a blank select is null); rows left wholly blank are out.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; init; } = [];

    public FieldErrors Errors { get; } = new();

    /// <summary>The rows to show, each with room for a second board, and some empty ones to fill in.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> RowsShown =>
    [
        .. Rows.Select(row => (IReadOnlyList<string?>)[.. row, .. Enumerable.Repeat((string?)null, Math.Max(0, 2 - row.Count))]),
        .. Enumerable.Repeat<IReadOnlyList<string?>>([null, null], Math.Max(SpareRows, MinimumRows - Rows.Count)),
    ];

    public static BodyForm Of(CollaborationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new BodyForm
        {
            Name = body.Name,
            Kind = body.Kind.ToString(),
            OrganizationId = body.OrganizationId,
            AgreementId = body.AgreementId,
            RotationStartYear = body.RotationStartYear?.ToString(CultureInfo.InvariantCulture),
            Rows = [.. body.RotationOrder.Select(slot => (IReadOnlyList<string?>)[.. slot])],
        };
    }

    /// <summary>The form as posted; the rotation's selects are named slot-0, slot-1… by row, one value a select.</summary>
    public static BodyForm Read(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var rows = posted.Keys
            .Select(key => RowName().Match(key))
            .Where(match => match.Success)
            .Select(match => (Row: int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Boards: posted[match.Value].Select(Blank).ToList()))
            .Where(row => row.Boards.Any(b => b is not null))
            .OrderBy(row => row.Row)
            .Select(row => (IReadOnlyList<string?>)row.Boards)
            .ToList();
        return new BodyForm
        {
            Name = posted["name"],
            Kind = posted["kind"],
            OrganizationId = posted["organizationId"],
            AgreementId = posted["agreementId"],
            RotationStartYear = posted["rotationStartYear"],
            Rows = rows,
        };
    }

    /// <summary>The draft for the registry, or null when an input cannot be read (its error is then in <see cref="Errors"/>).</summary>
    public BodyDraft? Draft()
    {
        int? year = null;
        if (!string.IsNullOrWhiteSpace(RotationStartYear))
        {
            if (!int.TryParse(RotationStartYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                Errors.Add("rotationStartYear", Message(BodyText.BadYear, "rotationStartYear"));
                return null;
            }

            year = parsed;
        }

        BodyKind? kind = Enum.TryParse<BodyKind>(Kind, ignoreCase: false, out var parsedKind) && Enum.IsDefined(parsedKind) ? parsedKind : null;
        var order = Rows.Select(row => (IReadOnlyList<string?>)[.. row.Where(b => b is not null)]).ToList();
        return new BodyDraft(Name, kind, OrganizationId, AgreementId, order, year);
    }

    /// <summary>Puts the registry's errors on the inputs: rotationOrder[1][0] is the second row's first chosen select.</summary>
    public void Add(IReadOnlyList<BodyFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var input = InputOf(error.Field);
            Errors.Add(input, Message(BodyText.ProblemOf(error.Problem), input));
        }
    }

    /// <summary>The label of an input, as its error names it.</summary>
    public static string LabelOf(string input) => SlotInput().Match(input) is { Success: true } slot
        ? string.Format(CultureInfo.CurrentCulture, slot.Groups[2].Value == "0" ? Strings.BodyForm_SlotFirst : Strings.BodyForm_SlotSecond, int.Parse(slot.Groups[1].Value, CultureInfo.InvariantCulture) + 1)
        : Strings.ResourceManager.GetString("BodyField_" + input, CultureInfo.CurrentUICulture) ?? input;

    private string InputOf(string field)
    {
        if (SlotField().Match(field) is not { Success: true } slot)
        {
            return field == "rotationOrder" ? "slot-0-0" : field;
        }

        var row = int.Parse(slot.Groups[1].Value, CultureInfo.InvariantCulture);
        var chosen = slot.Groups[2].Success ? int.Parse(slot.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        // The registry counts the boards chosen; the row may have a blank select before them.
        var select = row < Rows.Count
            ? Rows[row].Select((board, index) => (board, index)).Where(b => b.board is not null).Select(b => b.index).ElementAtOrDefault(chosen)
            : 0;
        return $"slot-{row}-{select}";
    }

    private static string Message(string problem, string input) => string.Format(CultureInfo.CurrentCulture, problem, LabelOf(input));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^rotationOrder\[(\d+)\](?:\[(\d+)\])?$")]
    private static partial Regex SlotField();

    [GeneratedRegex(@"^slot-(\d+)-(\d+)$")]
    private static partial Regex SlotInput();

    [GeneratedRegex(@"^slot-(\d+)$")]
    private static partial Regex RowName();
}
