using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusFlow.Host.Simulation;

/// <summary>Writes a simulation's summary as a section for people after the timeline, or as one JSON line {"kind": "summary", "summary": {...}}.</summary>
public static class SummaryFormatter
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// e.g.
    /// <code>
    /// Summary
    /// 2026
    ///   sn
    ///     decided    2026-04-14  approve  § 11  Samverkansöverenskommelse BUS 2027–2030
    ///     escalated  2026-04-22  "Registrera beslut i SN: …" for maria.holmgren@exempelby.test, to anna.lindqvist@exempelby.test (sn/Chair)
    ///   lapsed
    ///     round      2026-12-02  Samverkansöverenskommelse BUS 2027–2030: undecided: sn
    /// </code>
    /// </summary>
    public static IEnumerable<string> ToText(SimulationSummary summary)
    {
        yield return "Summary";
        if (summary.Years.Count == 0)
        {
            yield return "  nothing decided, lapsed or escalated";
        }

        foreach (var year in summary.Years)
        {
            yield return $"{year.Year}";
            foreach (var board in year.Boards)
            {
                yield return $"  {board.Board}";
                foreach (var decision in board.Decisions)
                {
                    yield return $"    decided    {decision.Date}  {decision.Outcome}" + (decision.Paragraph is null ? "" : $"  {decision.Paragraph}") + $"  {decision.Subject}";
                }

                foreach (var escalation in board.Escalations)
                {
                    yield return $"    escalated  {escalation.Date}  \"{escalation.Task}\" for {escalation.Assignee}, to {Recipients(escalation.EscalatedTo)}";
                }
            }

            if (year.Lapsed.Count > 0)
            {
                yield return "  lapsed";
                foreach (var lapse in year.Lapsed)
                {
                    yield return lapse.Kind == "round"
                        ? $"    round      {lapse.Date}  {lapse.Subject}: undecided: {string.Join(", ", lapse.Undecided)}"
                        : $"    agreement  {lapse.Date}  {lapse.Subject}: {lapse.Detail}";
                }
            }
        }
    }

    public static string ToJson(SimulationSummary summary) => new JsonObject
    {
        ["kind"] = "summary",
        ["summary"] = new JsonObject
        {
            ["years"] = new JsonArray([.. summary.Years.Select(year => new JsonObject
            {
                ["year"] = year.Year,
                ["boards"] = new JsonArray([.. year.Boards.Select(board => new JsonObject
                {
                    ["board"] = board.Board,
                    ["decisions"] = new JsonArray([.. board.Decisions.Select(d => new JsonObject
                    {
                        ["subject"] = d.Subject,
                        ["outcome"] = d.Outcome,
                        ["date"] = d.Date,
                        ["paragraph"] = d.Paragraph,
                    })]),
                    ["escalations"] = new JsonArray([.. board.Escalations.Select(e => new JsonObject
                    {
                        ["task"] = e.Task,
                        ["assignee"] = e.Assignee,
                        ["date"] = e.Date,
                        ["escalatedTo"] = new JsonArray([.. e.EscalatedTo.Select(r => new JsonObject { ["address"] = r.Address, ["role"] = r.Role })]),
                    })]),
                })]),
                ["lapsed"] = new JsonArray([.. year.Lapsed.Select(l => new JsonObject
                {
                    ["kind"] = l.Kind,
                    ["subject"] = l.Subject,
                    ["date"] = l.Date,
                    ["detail"] = l.Detail,
                    ["undecided"] = new JsonArray([.. l.Undecided.Select(b => JsonValue.Create(b))]),
                })]),
            })]),
        },
    }.ToJsonString(Compact);

    private static string Recipients(IReadOnlyList<TimelineRecipient> recipients) =>
        recipients.Count == 0 ? "nobody (no one holds the roles)" : string.Join(", ", recipients);
}
