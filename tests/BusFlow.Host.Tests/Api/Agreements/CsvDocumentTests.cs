using System.Text;
using BusFlow.Host.Api.Csv;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Agreements;

public sealed class CsvDocumentTests
{
    [Theory]
    [InlineData("Socialnämnden", "Socialnämnden")]
    [InlineData("", "")]
    [InlineData("  mellanslag  ", "  mellanslag  ")]
    [InlineData("bifall, med tillägg", "\"bifall, med tillägg\"")]
    [InlineData("nämndens \"förslag\"", "\"nämndens \"\"förslag\"\"\"")]
    [InlineData("rad ett\nrad två", "\"rad ett\nrad två\"")]
    [InlineData("rad ett\r\nrad två", "\"rad ett\r\nrad två\"")]
    [InlineData("vagn\rretur", "\"vagn\rretur\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("{\"outcome\":\"approve\",\"comment\":null}", "\"{\"\"outcome\"\":\"\"approve\"\",\"\"comment\"\":null}\"")]
    public void A_field_is_quoted_only_when_it_holds_a_comma_quote_or_line_break_and_its_quotes_are_doubled(string value, string written) =>
        Assert.Equal(written, CsvDocument.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"Klicka\")", "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Klicka\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+46 70 123 45 67", "'+46 70 123 45 67")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void A_field_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe_so_it_shows_as_text(string value, string written) =>
        Assert.Equal(written, CsvDocument.Field(value));

    [Theory]
    [InlineData("Bifall = godkänt")]
    [InlineData("anna@exempelby.test")]
    [InlineData("BUS 2026/17 - reviderad")]
    [InlineData("2026-11-23T09:00:00Z")]
    public void A_field_with_those_signs_later_in_the_text_is_written_as_it_is(string value) =>
        Assert.Equal(value, CsvDocument.Field(value));

    [Fact]
    public void An_absent_value_is_an_empty_field() => Assert.Equal("", CsvDocument.Field(null));

    [Fact]
    public void Rows_are_separated_by_commas_and_end_with_CRLF()
    {
        var csv = new CsvDocument().AddRow(["a", null, "b c"]).AddRow(["§ 12", "x,y"]);
        Assert.Equal("a,,b c\r\n§ 12,\"x,y\"\r\n", csv.ToString());
    }

    [Fact]
    public void Swedish_text_with_commas_quotes_and_line_breaks_reads_back_as_written()
    {
        string[] fields = ["Återremiss, för att \"förtydliga\" ansvaret\nmellan nämnderna", "åäö ÅÄÖ", "", "sista, \"\"", "\n\r"];
        var csv = new CsvDocument().AddRow(["en", "två", "tre", "fyra", "fem"]).AddRow(fields);

        var rows = Rfc4180.Parse(csv.ToString());

        Assert.Equal(2, rows.Count);
        Assert.Equal(fields, rows[1]);
    }

    [Fact]
    public void The_bytes_are_UTF8_after_a_byte_order_mark()
    {
        var bytes = new CsvDocument().AddRow(["Bifall", "§ 9 Barn- och ungdomsnämnden"]).ToUtf8WithByteOrderMark();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Bifall,§ 9 Barn- och ungdomsnämnden\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes[3..]));
    }
}
