using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// Reads a board's yearly meeting plan (sammanträdesplan) as its secretary exports it from Excel:
/// a row per meeting with the date, the time (13:00 when left out) and the place, under an
/// optional header row. Every wrong cell of every row is reported, and then no meeting is
/// returned: a plan is taken whole or not at all.
/// </summary>
public static class MeetingPlanCsv
{
    public const int PlaceMaxLength = 200;

    private const int DateColumn = 1;
    private const int TimeColumn = 2;
    private const int PlaceColumn = 3;

    private static readonly LocalTime DefaultStart = new(13, 0);

    /// <param name="bytes">The uploaded file.</param>
    /// <param name="today">The board's local today; meetings before it are refused.</param>
    /// <param name="year">When given, every date must fall in it.</param>
    public static MeetingPlanRead Read(ReadOnlySpan<byte> bytes, LocalDate today, int? year = null)
    {
        var text = MeetingPlanText.Decode(bytes);
        if (text is null)
            return Failed([new MeetingPlanError(0, 0, MeetingPlanProblem.NotText, "")]);

        var meetings = new List<PlannedMeeting>();
        var errors = new List<MeetingPlanError>();
        var dates = new HashSet<LocalDate>();
        var firstRow = true;
        foreach (var record in CsvRecords.Split(text, CsvRecords.SeparatorOf(text)))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
                continue;
            if (firstRow && IsHeader(Cell(record, DateColumn)))
            {
                firstRow = false;
                continue;
            }
            firstRow = false;
            var meeting = ReadRow(record, today, year, dates, errors);
            if (meeting is not null)
                meetings.Add(meeting);
        }

        if (errors.Count > 0)
            return Failed(errors);
        if (meetings.Count == 0)
            return Failed([new MeetingPlanError(0, 0, MeetingPlanProblem.Empty, "")]);
        return new MeetingPlanRead(meetings, []);
    }

    private static PlannedMeeting? ReadRow(CsvRecord record, LocalDate today, int? year, HashSet<LocalDate> dates, List<MeetingPlanError> errors)
    {
        var errorsBefore = errors.Count;
        void Refuse(int column, MeetingPlanProblem problem, string value) =>
            errors.Add(new MeetingPlanError(record.Line, column, problem, value));

        var dateText = Cell(record, DateColumn);
        var date = dateText.Length == 0 ? null : MeetingPlanDates.Parse(dateText);
        if (dateText.Length == 0)
            Refuse(DateColumn, MeetingPlanProblem.NoDate, dateText);
        else if (date is not { } day)
            Refuse(DateColumn, MeetingPlanProblem.BadDate, dateText);
        else if (year is { } planYear && day.Year != planYear)
            Refuse(DateColumn, MeetingPlanProblem.OutsideYear, dateText);
        else if (day < today)
            Refuse(DateColumn, MeetingPlanProblem.InThePast, dateText);
        else if (!dates.Add(day))
            Refuse(DateColumn, MeetingPlanProblem.Duplicate, dateText);

        var timeText = Cell(record, TimeColumn);
        var startsAt = timeText.Length == 0 ? DefaultStart : MeetingPlanTimes.Parse(timeText);
        if (startsAt is null)
            Refuse(TimeColumn, MeetingPlanProblem.BadTime, timeText);

        var place = Cell(record, PlaceColumn);
        if (place.Length > PlaceMaxLength)
            Refuse(PlaceColumn, MeetingPlanProblem.TooLong, place);

        // Excel writes empty cells after the last column as ";;"; only a filled one is too many.
        for (var column = PlaceColumn + 1; column <= record.Fields.Count; column++)
        {
            var extra = Cell(record, column);
            if (extra.Length > 0)
            {
                Refuse(column, MeetingPlanProblem.TooManyColumns, extra);
                break;
            }
        }

        return errors.Count > errorsBefore
            ? null
            : new PlannedMeeting(record.Line, date!.Value, startsAt!.Value, place.Length == 0 ? null : place);
    }

    // A header names its columns (Datum;Tid;Plats, Date;Time;Place); a first row with a digit in
    // its first cell is a meeting, even a mistyped one, so it is reported rather than skipped.
    private static bool IsHeader(string firstCell) =>
        firstCell.Any(char.IsLetter) && !firstCell.Any(char.IsDigit);

    private static string Cell(CsvRecord record, int column) =>
        column <= record.Fields.Count ? record.Fields[column - 1].Trim() : "";

    private static MeetingPlanRead Failed(IReadOnlyList<MeetingPlanError> errors) => new([], errors);
}
