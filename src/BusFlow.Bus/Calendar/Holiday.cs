using NodaTime;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// A day on which deadlines do not fall: a public holiday of lag (1989:253), or an eve
/// (midsommarafton, julafton, nyårsafton) that lag (1930:173) treats the same way for deadlines.
/// </summary>
/// <param name="SwedishName">As written in running Swedish text: "juldagen", "Kristi himmelsfärdsdag".</param>
/// <param name="IsPublicHoliday">False for the eves, which are not public holidays but still not working days.</param>
public sealed record Holiday(LocalDate Date, string SwedishName, string EnglishName, bool IsPublicHoliday);
