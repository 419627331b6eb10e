using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Bus.Shortcomings;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// The shortcomings reported in an agreement's collaboration since a day, with how far each has come,
/// for the follow-up that is to hear of them (the spring review's preparation).
/// Output: { count, items: [{ reportedOn, occurredOn, whatHappened, concerns, severity, state }], summarySv, summaryEn }.
/// </summary>
public sealed class ShortcomingsActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("Shortcomings", "Lists the shortcomings reported in an agreement's collaboration since a day, and their state (Reported, Assessed, Remedied, Closed). Output: { count, items, summarySv, summaryEn }: one line per shortcoming.",
    [
        Text("agreement", required: true, "The agreement id."),
        Date("since", required: true, "The first day of reports to list: the day after the last follow-up."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = RequiredText(context, "agreement");
        var since = Values.ToDate(context.Evaluate("since", DataType.Date)!);
        var zone = context.Zone;
        var found = await ShortcomingReader.ListAsync(context.Session, agreement, since.AtStartOfDayInZone(zone).ToInstant(), CancellationToken.None);
        var items = new JsonArray(found.Select(s => (JsonNode?)new JsonObject
        {
            ["reportedOn"] = Values.FromDate(s.ReportedAt.InZone(zone).Date),
            ["occurredOn"] = Values.FromDate(s.OccurredOn),
            ["whatHappened"] = s.WhatHappened,
            ["concerns"] = s.Concerns,
            ["severity"] = s.Severity.ToString(),
            ["state"] = s.State.ToString(),
        }).ToArray());
        context.Complete(new JsonObject
        {
            ["count"] = found.Count,
            ["items"] = items,
            ["summarySv"] = Summary(found, since, ShortcomingWords.Swedish),
            ["summaryEn"] = Summary(found, since, ShortcomingWords.English),
        });
    }

    private static string Summary(IReadOnlyList<Shortcoming> found, LocalDate since, ShortcomingWords words)
    {
        var day = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (found.Count == 0)
        {
            return string.Format(CultureInfo.InvariantCulture, words.None, day);
        }

        var lines = found.Select(s => string.Format(
            CultureInfo.InvariantCulture,
            words.Line,
            s.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            words.Severity(s.Severity),
            s.WhatHappened.ReplaceLineEndings(" "),
            words.State(s.State)));
        return string.Join('\n', [string.Format(CultureInfo.InvariantCulture, words.Heading, found.Count, day), .. lines]);
    }
}
