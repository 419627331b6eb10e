using System.Text;

namespace BusFlow.Host.Api.Csv;

/// <summary>
/// Comma-separated text as RFC 4180 writes it: rows end with CRLF; a field that holds a comma, a
/// double quote, a carriage return or a line feed is enclosed in double quotes, and each double
/// quote inside it is doubled. A field that a spreadsheet would take for a formula (it starts with
/// =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so Excel shows it as text
/// (OWASP's advice on CSV injection); every other field is written as it is, so a reader gets back
/// exactly the text that was written (an absent value is an empty field).
/// </summary>
public sealed class CsvDocument
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Put before a field that a spreadsheet would run as a formula, so that it shows the text instead.</summary>
    public const char TextPrefix = '\'';

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private readonly StringBuilder _text = new();

    /// <summary>Adds one row of fields.</summary>
    public CsvDocument AddRow(IEnumerable<string?> fields)
    {
        _text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        return this;
    }

    /// <summary>One field as it is written in a row.</summary>
    public static string Field(string? value) => Quoted(AsText(value));

    /// <summary>The value with an apostrophe before it when a spreadsheet would run it as a formula.</summary>
    public static string AsText(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? TextPrefix + value : value ?? "";

    private static string Quoted(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 ? value : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    public override string ToString() => _text.ToString();

    /// <summary>
    /// The text in UTF-8 preceded by its byte order mark: without it, Excel opens the file in the
    /// Windows code page and shows å, ä and ö as two odd characters each.
    /// </summary>
    public byte[] ToUtf8WithByteOrderMark() => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(_text.ToString())];
}
