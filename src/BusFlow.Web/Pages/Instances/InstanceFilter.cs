using System.Globalization;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// The instances page's filters as they came in the address (?arbetsflode=&amp;tillstand=&amp;overenskommelse=&amp;namnd=&amp;text=&amp;sida=),
/// checked against what exists: a value that names nothing is an error naming its field, never an empty list that looks like an answer.
/// </summary>
public sealed record InstanceFilter(string Definition, string State, string Agreement, string Board, string Text, string PageNumber)
{
    public const int PageSize = 50;

    public static InstanceFilter Read(string? definition, string? state, string? agreement, string? board, string? text, string? page) =>
        new(Trim(definition), Trim(state), Trim(agreement), Trim(board), Trim(text), Trim(page));

    public int Page => int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;

    /// <summary>What is wrong with the filters, each error naming its field; none when they can be asked.</summary>
    public IReadOnlyList<string> Errors(ISet<string> definitions, ISet<string> agreements, ISet<string> boards)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(boards);
        var errors = new List<string>();
        void Unknown(string field, string value) => errors.Add(InstanceText.Format(Strings.Instances_UnknownValue, field, value));
        if (Definition.Length > 0 && !definitions.Contains(Definition))
        {
            Unknown(Strings.Instances_Definition, Definition);
        }

        if (State.Length > 0 && ParsedState is null)
        {
            Unknown(Strings.Instances_State, State);
        }

        if (Agreement.Length > 0 && !agreements.Contains(Agreement))
        {
            Unknown(Strings.Instances_Agreement, Agreement);
        }

        if (Board.Length > 0 && !boards.Contains(Board))
        {
            Unknown(Strings.Instances_Board, Board);
        }

        if (Text.Length > 200)
        {
            errors.Add(InstanceText.Format(Strings.Instances_TextTooLong, Strings.Instances_Text, 200));
        }

        if (PageNumber.Length > 0 && !(int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0))
        {
            errors.Add(InstanceText.Format(Strings.Instances_BadPage, Strings.Instances_Page, PageNumber));
        }

        return errors;
    }

    /// <summary>The database query for the filters' page (call only when <see cref="Errors"/> found none).</summary>
    public InstanceQuery Query() => new(
        DefinitionId: Blank(Definition),
        Status: ParsedState,
        Take: PageSize,
        Mentions: [.. new[] { Agreement, Board }.Where(m => m.Length > 0)],
        Text: Blank(Text),
        Skip: (Page - 1) * PageSize,
        NewestFirst: true);

    /// <summary>The address of another page of the same filters.</summary>
    public string LinkTo(int page)
    {
        var values = new[] { ("arbetsflode", Definition), ("tillstand", State), ("overenskommelse", Agreement), ("namnd", Board), ("text", Text) }
            .Where(v => v.Item2.Length > 0)
            .Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2)}")
            .Append($"sida={page.ToString(CultureInfo.InvariantCulture)}");
        return "/instanser?" + string.Join('&', values);
    }

    /// <summary>The state by its name as the form sends it (Running, Faulted, …); numbers are not names.</summary>
    private InstanceStatus? ParsedState =>
        Enum.GetValues<InstanceStatus>().Select(s => (InstanceStatus?)s).FirstOrDefault(s => s.ToString() == State);

    private static string Trim(string? value) => value?.Trim() ?? "";

    private static string? Blank(string value) => value.Length > 0 ? value : null;
}
