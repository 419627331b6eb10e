using System.Text.Json.Nodes;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The inputs the annual wheel gives the spring review and the autumn planning of the demo agreement.</summary>
internal static class CycleInputs
{
    public const string Agreement = "bus-2023-2026";

    /// <summary>The body the demo agreement names: its management group.</summary>
    public const string Body = "ledningsgrupp";

    public static JsonObject Spring(int year, string meetingDate = "2026-04-15") => new()
    {
        ["agreement"] = Agreement,
        ["body"] = Body,
        ["year"] = year,
        ["reportsDue"] = $"{year}-03-16",
        ["meetingDate"] = meetingDate,
    };

    /// <summary>Autumn 2026: the meeting on 6 October, next year's priorities decided by 15 December.</summary>
    public static JsonObject Autumn2026() => new()
    {
        ["agreement"] = Agreement,
        ["body"] = Body,
        ["year"] = 2026,
        ["planYear"] = 2027,
        ["reportsDue"] = "2026-09-15",
        ["meetingDate"] = "2026-10-06",
        ["decisionDeadline"] = "2026-12-15",
    };
}
