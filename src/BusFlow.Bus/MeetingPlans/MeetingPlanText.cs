using System.Text;
using System.Text.Unicode;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>Turns the uploaded bytes into text the way Excel may have written them.</summary>
internal static class MeetingPlanText
{
    // Excel on Windows saves "CSV" in the ANSI code page, which is Windows-1252 in Sweden.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The text, or null when the bytes are not text.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        // Excel's "Unicode text" is UTF-16 with a byte order mark; without one, NUL bytes mean junk.
        var text = bytes switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes[2..]),
            _ when bytes.Contains((byte)0) => null,
            [0xEF, 0xBB, 0xBF, ..] => Decode8(bytes[3..]),
            _ => Decode8(bytes),
        };
        return text is null || text.Contains('\0', StringComparison.Ordinal) ? null : text;
    }

    private static string Decode8(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);
}
