using System.Text.Json.Nodes;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>What an answer's limits are read against: the day it is given and the task's data as it stands then.</summary>
public sealed record AnswerCircumstances(LocalDate Today, JsonObject? TaskData)
{
    public static AnswerCircumstances Of(Persistence.HumanTask task, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new AnswerCircumstances(now.InZone(zone).Date, task.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null);
    }
}
