using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The simulated people of <see cref="BusFlow.Bus.Simulation.BoardResponder"/>, with a consulted group that gives its own opinion.</summary>
internal sealed class ConsultingResponder(ISimulatedResponder people, string opinion) : ISimulatedResponder
{
    public SimulatedAnswer? Answer(HumanTask task, Instant now) =>
        task.ActivityId == "giveOpinion" && people.Answer(task, now) is { } answer
            ? answer with { Data = new JsonObject { ["opinion"] = opinion } }
            : people.Answer(task, now);
}
