using System.Globalization;
using NodaTime;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// A deadline after the rule of lag (1930:173): the requested day, or the next working day when
/// the requested day is not one.
/// </summary>
/// <param name="Date">The day the deadline falls on.</param>
/// <param name="Requested">The day asked for.</param>
/// <param name="Reason">Why it moved, in Swedish: the holiday's name ("juldagen") or the weekday ("lördag"); null when it did not move.</param>
/// <param name="ReasonEn">Why it moved, in English: "Christmas Day", "Saturday".</param>
public sealed record Deadline(LocalDate Date, LocalDate Requested, string? Reason, string? ReasonEn = null)
{
    public bool Moved => Date != Requested;

    /// <summary>For people, in Swedish: "flyttad från 25/12 till 27/12 (juldagen)"; null when it did not move.</summary>
    public string? TextSv => Moved ? $"flyttad från {DayMonth(Requested)} till {DayMonth(Date)}{InParentheses(Reason)}" : null;

    /// <summary>For people, in English: "moved from 25/12 to 27/12 (Christmas Day)"; null when it did not move.</summary>
    public string? TextEn => Moved ? $"moved from {DayMonth(Requested)} to {DayMonth(Date)}{InParentheses(ReasonEn ?? Reason)}" : null;

    private static string DayMonth(LocalDate date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}/{date.Month}");

    private static string InParentheses(string? reason) => reason is null ? "" : $" ({reason})";
}
