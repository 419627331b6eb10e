using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// One meeting read from a meeting plan. Line is the 1-based row in the sheet, header and blank
/// rows counted: the line in the file, unless a quoted cell above holds a line break.
/// </summary>
public sealed record PlannedMeeting(int Line, LocalDate Date, LocalTime StartsAt, string? Place);
