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

    public IReadOnlyList<(string? First, string? Second)> Rows { get; init; } = [];

    public FieldErrors Errors { get; } = new();

    /// <summary>The rows to show: the ones typed (or saved), and some empty ones to fill in.</summary>
    public IReadOnlyList<(string? First, string? Second)> RowsShown =>
        [.. Rows, .. Enumerable.Repeat(((string?)null, (string?)null), Math.Max(SpareRows, MinimumRows - Rows.Count))];

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
            Rows = [.. body.RotationOrder.Select(slot => (slot.ElementAtOrDefault(0), slot.ElementAtOrDefault(1)))],
        };
    }

    public static BodyForm Read(string? name, string? kind, string? organizationId, string? agreementId, string?[]? first, string?[]? second, string? rotationStartYear)
    {
        first ??= [];
        second ??= [];
        var rows = Enumerable.Range(0, Math.Max(first.Length, second.Length))
            .Select(r => (First: Blank(first.ElementAtOrDefault(r)), Second: Blank(second.ElementAtOrDefault(r))))
            .Where(row => row.First is not null || row.Second is not null)
            .ToList();
        return new BodyForm { Name = name, Kind = kind, OrganizationId = organizationId, AgreementId = agreementId, RotationStartYear = rotationStartYear, Rows = rows };
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
        var order = Rows.Select(row => (IReadOnlyList<string?>)[.. new[] { row.First, row.Second }.Where(b => b is not null)]).ToList();
        return new BodyDraft(Name, kind, OrganizationId, AgreementId, order, year);
    }

    /// <summary>Puts the registry's errors on the inputs: rotationOrder[1][0] is the second row's first filled select.</summary>
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
        ? string.Format(CultureInfo.CurrentCulture, slot.Groups[2].Value == "first" ? Strings.BodyForm_SlotFirst : Strings.BodyForm_SlotSecond, int.Parse(slot.Groups[1].Value, CultureInfo.InvariantCulture) + 1)
        : Strings.ResourceManager.GetString("BodyField_" + input, CultureInfo.CurrentUICulture) ?? input;

    private string InputOf(string field)
    {
        if (SlotField().Match(field) is not { Success: true } slot)
        {
            return field == "rotationOrder" ? "slot-0-first" : field;
        }

        var row = int.Parse(slot.Groups[1].Value, CultureInfo.InvariantCulture);
        var index = slot.Groups[2].Success ? int.Parse(slot.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var second = index == 1 || (index == 0 && row < Rows.Count && Rows[row].First is null);
        return $"slot-{row}-{(second ? "second" : "first")}";
    }

    private static string Message(string problem, string input) => string.Format(CultureInfo.CurrentCulture, problem, LabelOf(input));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^rotationOrder\[(\d+)\](?:\[(\d+)\])?$")]
    private static partial Regex SlotField();

    [GeneratedRegex(@"^slot-(\d+)-(first|second)$")]
    private static partial Regex SlotInput();
}
