using System.Text;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>One row of a CSV file: its 1-based number and its cells, unquoted but not trimmed.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Splits CSV text per RFC 4180: a quoted cell may hold the separator, line breaks and doubled
/// quotes. Written here rather than taken from Microsoft.VisualBasic's TextFieldParser, which
/// skips blank lines (so row numbers drift from the sheet's) and throws at a stray quote.
/// </summary>
internal static class CsvRecords
{
    /// <summary>
    /// The separator of the first line that has one: ';' (Swedish Excel), else ',', else tab.
    /// Lines of a single cell are passed over, as they read the same whatever the separator.
    /// </summary>
    public static char SeparatorOf(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Contains(';'))
                return ';';
            if (line.Contains(','))
                return ',';
            if (line.Contains('\t'))
                return '\t';
        }
        return ';';
    }

    public static List<CsvRecord> Split(string text, char separator)
    {
        var records = new List<CsvRecord>();
        var position = 0;
        while (position < text.Length)
        {
            // A quote never closed would swallow the rest of the file into one cell; the row is
            // read as written instead, so the rows after it are still read and checked.
            var end = ReadRecord(text, position, separator, honourQuotes: true, out var fields)
                ?? ReadRecord(text, position, separator, honourQuotes: false, out fields)!.Value;
            records.Add(new CsvRecord(records.Count + 1, fields));
            position = end;
        }
        return records;
    }

    /// <summary>Reads the row starting at start; returns where the next begins, or null at an unclosed quote.</summary>
    private static int? ReadRecord(string text, int start, char separator, bool honourQuotes, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var fieldStarted = false;
        var inQuotes = false;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[i++]);
                else
                    inQuotes = false;
                i++;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                return c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
            }
            else
            {
                // Only a quote that opens a cell quotes it; one inside a cell is just a character.
                if (c == '"' && honourQuotes && !fieldStarted)
                    inQuotes = true;
                else
                    field.Append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (inQuotes)
            return null;
        fields.Add(field.ToString());
        return text.Length;
    }
}
