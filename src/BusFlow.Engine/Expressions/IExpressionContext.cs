using System.Text.Json.Nodes;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Expressions;

/// <summary>Where references find their values when an expression is evaluated.</summary>
public interface IExpressionContext
{
    Instant Now { get; }
    DateTimeZone Zone { get; }

    /// <summary>Which days are working days, for a date moved on to one ("onWorkingDay").</summary>
    IWorkingDayCalendar Calendar { get; }

    /// <summary>The value at a reference, or null when that value is not (yet) there.</summary>
    JsonNode? Resolve(IReadOnlyList<string> segments);
}
