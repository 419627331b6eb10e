using System.Globalization;
using System.Text.Json;
using BusFlow.Bus.Journal;
using BusFlow.Host.Api.Csv;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Api.Agreements;

/// <summary>
/// GET /api/agreements/{id}/journal.csv: one row per journal line, in the JSON export's order,
/// for the municipality's register. The column names are the JSON export's property names (English,
/// camelCase), so that both formats map to the register with one vocabulary and an import mapping
/// never meets å, ä or ö in a header. Data is the entry's JSON as it was stored. The agreement's
/// own records (decisions, signatures) are in the JSON export; in the journal they appear as the
/// lines of the steps that recorded them.
/// </summary>
public static class AgreementJournalCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["agreementId", "instanceId", "definitionId", "sequence", "at", "localTime", "kind", "activityId", "actor", "data"];

    public static CsvDocument Write(AgreementJournal journal, DateTimeZone zone)
    {
        var csv = new CsvDocument().AddRow(Columns);
        foreach (var (instance, entry) in journal.Lines)
        {
            csv.AddRow(
            [
                journal.Agreement.Id,
                entry.InstanceId.ToString(),
                instance.DefinitionId,
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                InstantPattern.ExtendedIso.Format(entry.At),
                LocalTimeText.Format(entry.At, zone),
                JsonNamingPolicy.CamelCase.ConvertName(entry.Kind.ToString()),
                entry.ActivityId,
                entry.Actor,
                entry.DataJson,
            ]);
        }

        return csv;
    }

    /// <summary>The download's file name, of characters that need no escaping in a header.</summary>
    public static string FileName(string agreementId) =>
        $"journal-{new string([.. agreementId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')])}.csv";
}
