using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Simulation;

/// <summary>Answers every task with a chosen outcome (default: its first) after N working days, at 10:00 local time.</summary>
public sealed class WorkingDayResponder(IWorkingDayCalendar calendar, DateTimeZone zone, int workingDays, Func<HumanTask, string?>? chooseOutcome = null) : ISimulatedResponder
{
    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        var outcome = chooseOutcome is null ? task.Outcomes.FirstOrDefault() : chooseOutcome(task);
        if (outcome is null)
        {
            return null;
        }

        var day = calendar.AddWorkingDays(now.InZone(zone).Date, workingDays);
        var at = day.At(new LocalTime(10, 0)).InZoneLeniently(zone).ToInstant();
        return new SimulatedAnswer(outcome, at > now ? at : now, task.Assignee);
    }
}
