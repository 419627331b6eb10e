using System.Text.Json.Nodes;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Simulation;

/// <summary>
/// A simulated secretary who, asked for her board's meeting plan (meeting-plan-request), enters it
/// before she answers, as a real one does on the board's page: the meetings of the board's latest
/// planned year, moved to the same weekday of the same week of the year asked for (a day off to the
/// next working day). Who answers, and when, is the inner responder's choice: a silent secretary
/// enters nothing. Every other task is answered as the inner responder answers it.
/// </summary>
public sealed class MeetingPlanSecretary(ISimulatedResponder inner, MeetingPlanEditor editor, IWorkflowStore store, IWorkingDayCalendar calendar) : ISimulatedResponder
{
    /// <summary>The board whose plan a meeting-plan-request task asks for (the task's data).</summary>
    public const string PlanBoardKey = "planBoard";

    /// <summary>The year whose plan a meeting-plan-request task asks for (the task's data).</summary>
    public const string PlanYearKey = "planYear";

    /// <summary>How many years back the plan to copy is looked for.</summary>
    private const int YearsBack = 3;

    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        var answer = inner.Answer(task, now);
        if (answer is null || task.DataJson is null || JsonNode.Parse(task.DataJson) is not JsonObject data
            || data[PlanBoardKey] is not { } boardNode || !Values.TryGetNumber(data[PlanYearKey], out var year))
        {
            return answer;
        }

        var board = Values.ToText(boardNode);
        return answer with { Beforehand = ct => EnterPlanAsync(board, (int)year, answer.Actor, ct) };
    }

    private async Task EnterPlanAsync(string boardId, int year, string actor, CancellationToken ct)
    {
        IReadOnlyList<BoardMeeting> model = [];
        await using (var session = await store.BeginAsync(ct))
        {
            var records = session.Facet<IBusRecords>();
            for (var earlier = year - 1; earlier >= year - YearsBack && model.Count == 0; earlier--)
            {
                model = await records.ListMeetingsAsync(boardId, new LocalDate(earlier, 1, 1), new LocalDate(earlier, 12, 31), ct);
            }
        }

        foreach (var meeting in model)
        {
            var date = calendar.OnOrNextWorkingDay(SameWeekdayIn(meeting.Date, year));
            if (date.Year == year && date >= editor.Today)
            {
                // A day already taken (or one the secretary entered herself) is left as it is.
                await editor.AddAsync(boardId, date, meeting.StartsAt, meeting.Place, actor, ct);
            }
        }
    }

    /// <summary>The same weekday as <paramref name="date"/>, nearest its day of the year in <paramref name="year"/>.</summary>
    private static LocalDate SameWeekdayIn(LocalDate date, int year)
    {
        var moved = date.PlusYears(year - date.Year);
        var ahead = ((int)date.DayOfWeek - (int)moved.DayOfWeek + 7) % 7;
        return ahead <= 3 ? moved.PlusDays(ahead) : moved.PlusDays(ahead - 7);
    }
}
