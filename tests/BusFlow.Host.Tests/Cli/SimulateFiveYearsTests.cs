using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Bus.Simulation;
using BusFlow.Host.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Tests.Cli;

/// <summary>
/// Five simulated years of the demo (2026–2030) in every response mode `busflow simulate` offers:
/// whatever the boards do, no deadline falls on a day off (lag 1930:173) and no mail goes out at
/// night, on a weekend or on a holiday. The board-decision task's due date is its meeting day and is
/// not moved by design (dueOnWorkingDay false); boards meet on working days, so it is checked too.
/// </summary>
public sealed class SimulateFiveYearsTests
{
    private static readonly SwedishWorkingDayCalendar Calendar = new();
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
    private static readonly LocalTime WindowStart = new(8, 0);
    private static readonly LocalTime WindowEnd = new(17, 0);

    public static TheoryData<string> ResponseModes => [.. BoardResponder.Policies];

    [Theory]
    [MemberData(nameof(ResponseModes))]
    public async Task In_five_years_of_every_response_mode_every_deadline_is_a_working_day_and_every_mail_goes_out_in_the_window(string mode)
    {
        var events = await SimulateCli.JsonLinesAsync("simulate", "--demo", "--from", "2026-01-01", "--to", "2031-01-01", "--responses", mode);

        var taskDues = events.Where(e => Kind(e) == "taskCreated" && e["due"] is not null)
            .Select(e => (What: $"the task \"{e["subject"]}\" created {e["local"]}", Day: LocalDatePattern.Iso.Parse(((string)e["due"]!)[..10]).Value))
            .ToList();
        // A round runs to the end of its deadline: its timer is due at 00:00 the day after.
        var roundDeadlines = events.Where(e => Kind(e) == "timerScheduled" && (string?)e["workflow"] == "decision-round" && (string?)e["activity"] == "deadlinePassed")
            .Select(e => (What: $"the round started {e["local"]}", Day: Local(e["due"]).Date.PlusDays(-1)))
            .ToList();
        var reminders = events.Where(e => e["reminders"] is JsonArray)
            .SelectMany(e => e["reminders"]!.AsArray().Select(r => (What: $"the {r!["kind"]} reminder of {e["workflow"]}/{e["activity"]} scheduled {e["local"]}", At: Local(r["due"]))))
            .ToList();
        var mails = events.Where(e => e["mail"] is JsonObject)
            .Select(e => (What: $"the mail \"{e["mail"]!["subject"]}\" to {e["mail"]!["to"]} written {e["local"]}", At: Local(e["mail"]!["sendsAt"])))
            .ToList();

        Assert.NotEmpty(taskDues);
        Assert.NotEmpty(mails);
        Assert.Empty(taskDues.Concat(roundDeadlines).Where(d => !Calendar.IsWorkingDay(d.Day)).Select(d => $"{d.What} is due on {d.Day:yyyy-MM-dd}, a day off"));
        Assert.Empty(reminders.Concat(mails).Where(m => !InWindow(m.At)).Select(m => $"{m.What} goes out {m.At:yyyy-MM-dd HH:mm}, outside the working-day window"));
    }

    private static bool InWindow(LocalDateTime at) => Calendar.IsWorkingDay(at.Date) && at.TimeOfDay >= WindowStart && at.TimeOfDay < WindowEnd;

    private static string? Kind(JsonObject e) => (string?)e["kind"];

    private static LocalDateTime Local(JsonNode? text) => LocalPattern.Parse((string?)text ?? "").GetValueOrThrow();
}
