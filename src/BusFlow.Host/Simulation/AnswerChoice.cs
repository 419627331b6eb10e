using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// How the simulated people answer (--answer): "first" gives each task its first outcome, "never"
/// leaves every task open, any other text is that outcome where a task allows it (else its first).
/// </summary>
public sealed record AnswerChoice(string Text)
{
    public const string First = "first";
    public const string Never = "never";

    public ISimulatedResponder? CreateResponder(IWorkingDayCalendar calendar, DateTimeZone zone, int workingDays) => Text switch
    {
        Never => null,
        First => new WorkingDayResponder(calendar, zone, workingDays),
        _ => new WorkingDayResponder(calendar, zone, workingDays,
            task => task.Outcomes.Contains(Text, StringComparer.Ordinal) ? Text : task.Outcomes.FirstOrDefault()),
    };
}
