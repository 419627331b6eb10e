using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Testing.Simulation;

/// <summary>People who answer as the inner responder does, except that only one board's secretary ever records a decision.</summary>
public sealed class OneBoardAnswers(ISimulatedResponder inner, string board) : ISimulatedResponder
{
    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        var data = task.DataJson is null ? null : JsonNode.Parse(task.DataJson);
        return task.ActivityId == "recordDecision" && (string?)data?["board"] != board ? null : inner.Answer(task, now);
    }
}
