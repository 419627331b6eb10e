using System.Text;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// A strict reader of RFC 4180 text for tests: fields separated by commas, rows ended by CRLF,
/// quoted fields with doubled quotes inside. Anything else (a quote inside an unquoted field, text
/// after a closing quote, a bare LF ending a row, a missing final CRLF) throws, so a sloppy writer fails.
/// </summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i = ReadQuoted(text, i + 1, field);
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r'))
                {
                    Refuse(text[i] is '"' or '\n', i, "a quote or line feed in an unquoted field");
                    field.Append(text[i++]);
                }
            }

            row.Add(field.ToString());
            field.Clear();
            Refuse(i >= text.Length, i, "the last row does not end with CRLF");
            if (text[i] == ',')
            {
                i++;
                continue;
            }

            Refuse(text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n', i, "a row must end with CRLF");
            i += 2;
            rows.Add(row);
            row = [];
        }

        return rows;
    }

    private static int ReadQuoted(string text, int i, StringBuilder field)
    {
        while (true)
        {
            Refuse(i >= text.Length, i, "a quoted field is not closed");
            if (text[i] != '"')
            {
                field.Append(text[i++]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                return i + 1;
            }
        }
    }

    private static void Refuse(bool wrong, int at, string what)
    {
        if (wrong)
        {
            throw new FormatException($"Not RFC 4180 at character {at}: {what}.");
        }
    }
}
