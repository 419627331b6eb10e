namespace BusFlow.Host.Api.Tasks;

/// <summary>POST /api/tasks/{id}/complete: one of the task's outcomes, and a comment if wanted.</summary>
public sealed record CompleteTaskRequest(string? Outcome, string? Comment, System.Text.Json.Nodes.JsonObject? Data = null);
