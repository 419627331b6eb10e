using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A signal reached a waiting activity: its name, the facts it carried (as checked against what the activity expects), and who sent it.</summary>
public sealed record SignalReceivedPayload(string Signal, JsonObject Data, string SentBy) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.SignalReceived;
}
