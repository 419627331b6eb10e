using BusFlow.Bus.Model;

namespace BusFlow.Bus.Rotation;

/// <summary>
/// Who convenes a collaboration body in a year when the task rotates in a fixed order, one slot a
/// year from a start year, round and round (Norrtälje: KSON 2020, Barn- och skolnämnden and
/// Utbildningsnämnden 2021, Socialnämnden 2022, KSON again 2023). A slot may hold several boards
/// that convene together. Years before the start year go backwards round the same cycle.
/// </summary>
public sealed class ConvenerRotation
{
    private readonly IReadOnlyList<string>[] _order;

    public ConvenerRotation(IReadOnlyList<IReadOnlyList<string>> order, int startYear)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count == 0)
        {
            throw new ArgumentException("A rotation needs at least one slot.", nameof(order));
        }

        if (order.Any(slot => slot is null || slot.Count == 0 || slot.Any(string.IsNullOrWhiteSpace)))
        {
            throw new ArgumentException("Every slot of a rotation names at least one board, and no board id is blank.", nameof(order));
        }

        _order = [.. order.Select(slot => (IReadOnlyList<string>)[.. slot])];
        StartYear = startYear;
    }

    /// <summary>The slots in order, the first for <see cref="StartYear"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Order => _order;

    public int StartYear { get; }

    /// <summary>The rotation of a body, or null when its convener does not rotate.</summary>
    public static ConvenerRotation? From(CollaborationBody body) =>
        body.RotationStartYear is { } startYear && body.RotationOrder.Count > 0
            ? new ConvenerRotation([.. body.RotationOrder.Select(slot => (IReadOnlyList<string>)slot)], startYear)
            : null;

    /// <summary>The board(s) that convene in a year.</summary>
    public IReadOnlyList<string> ConvenerIn(int year)
    {
        var steps = (long)year - StartYear;
        var count = _order.Length;
        return _order[(int)(((steps % count) + count) % count)];
    }

    /// <summary>The conveners of <paramref name="count"/> years from <paramref name="fromYear"/> on.</summary>
    public IReadOnlyList<ConvenerTurn> Preview(int fromYear, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(0, count).Select(i => new ConvenerTurn(fromYear + i, ConvenerIn(fromYear + i)))];
    }
}
