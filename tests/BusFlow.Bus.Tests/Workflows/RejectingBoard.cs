using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>A board whose secretary records a rejection at every meeting before a day, and otherwise answers as the inner responder does.</summary>
internal sealed class RejectingBoard(ISimulatedResponder inner, string board, LocalDate until) : ISimulatedResponder
{
    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        var answer = inner.Answer(task, now);
        var data = task.DataJson is null ? null : JsonNode.Parse(task.DataJson);
        return answer is not null && task.ActivityId == "recordDecision" && task.DueDate < until && (string?)data?["board"] == board
            ? answer with { Outcome = "reject", Comment = "Nämnden avslår förslaget (simulerat)." }
            : answer;
    }
}
