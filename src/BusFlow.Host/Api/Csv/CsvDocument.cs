using System.Text;

namespace BusFlow.Host.Api.Csv;

/// <summary>
/// Comma-separated text as RFC 4180 writes it: rows end with CRLF; a field that holds a comma, a
/// double quote, a carriage return or a line feed is enclosed in double quotes, and each double
/// quote inside it is doubled. Every other field is written as it is, so a reader gets back exactly
/// the text that was written (an absent value is an empty field).
/// </summary>
public sealed class CsvDocument
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    private readonly StringBuilder _text = new();

    /// <summary>Adds one row of fields.</summary>
    public CsvDocument AddRow(IEnumerable<string?> fields)
    {
        _text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        return this;
    }

    /// <summary>One field as it is written in a row.</summary>
    public static string Field(string? value) =>
        value is null ? ""
        : value.IndexOfAny(NeedsQuotes) < 0 ? value
        : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    public override string ToString() => _text.ToString();

    /// <summary>
    /// The text in UTF-8 preceded by its byte order mark: without it, Excel opens the file in the
    /// Windows code page and shows å, ä and ö as two odd characters each.
    /// </summary>
    public byte[] ToUtf8WithByteOrderMark() => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(_text.ToString())];
}
