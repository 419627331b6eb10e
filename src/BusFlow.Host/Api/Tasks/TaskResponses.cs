using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Api.Tasks;

/// <summary>A task for a person, open or closed.</summary>
public sealed record TaskResponse(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string Assignee,
    string Title,
    string? Description,
    IReadOnlyList<string> Outcomes,
    LocalDate? DueDate,
    JsonNode? Data,
    HumanTaskStatus Status,
    string? Outcome,
    string? Comment,
    string? CompletedBy,
    Instant CreatedAt,
    Instant? ClosedAt)
{
    public static TaskResponse From(HumanTask task) =>
        new(task.Id, task.InstanceId, task.ActivityId, task.Assignee, task.Title, task.Description, [.. task.Outcomes],
            task.DueDate, task.DataJson is null ? null : JsonNode.Parse(task.DataJson), task.Status, task.Outcome,
            task.Comment, task.CompletedBy, task.CreatedAt, task.ClosedAt);
}
