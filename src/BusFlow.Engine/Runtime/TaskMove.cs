using System.Text.Json.Nodes;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// A new due date for an open task, and what else its record should say after the move: facts merged
/// into its data (e.g. the meeting's new date), and its title and description when they named the old day.
/// </summary>
public sealed record TaskMove(LocalDate DueDate, string Reason)
{
    public JsonObject? Data { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
}
