using System.Text;
using BusFlow.Bus.MeetingPlans;
using NodaTime;

namespace BusFlow.Bus.Tests.MeetingPlans;

public sealed class MeetingPlanCsvTests
{
    private static readonly LocalDate Today = new(2026, 11, 16);

    private static MeetingPlanRead Read(string csv, int? year = null) =>
        MeetingPlanCsv.Read(Encoding.UTF8.GetBytes(csv), Today, year);

    private static MeetingPlanError Single(MeetingPlanRead read)
    {
        Assert.False(read.Succeeded);
        Assert.Empty(read.Meetings);
        return Assert.Single(read.Errors);
    }

    [Fact]
    public void A_clean_excel_export_with_bom_header_and_empty_trailing_cells_gives_every_meeting()
    {
        var csv = "Datum;Tid;Plats;;\r\n"
            + "2027-02-10;13:00;Stadshuset;;\r\n"
            + "2027-03-17;09:30;Östra salen;;\r\n"
            + ";;;;\r\n"
            + "2027-04-21;;;;\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var read = MeetingPlanCsv.Read(bytes, Today);

        Assert.True(read.Succeeded);
        Assert.Empty(read.Errors);
        Assert.Equal(
            [
                new PlannedMeeting(2, new LocalDate(2027, 2, 10), new LocalTime(13, 0), "Stadshuset"),
                new PlannedMeeting(3, new LocalDate(2027, 3, 17), new LocalTime(9, 30), "Östra salen"),
                new PlannedMeeting(5, new LocalDate(2027, 4, 21), new LocalTime(13, 0), null),
            ],
            read.Meetings);
    }

    [Fact]
    public void Swedish_written_dates_and_times_with_a_dot_are_read()
    {
        var read = Read(
            "10 februari 2027;13.00\n"
            + "3 maj 2027;kl. 9.30\n"
            + "14 okt. 2027;kl 13\n"
            + "8 SEPT 2027;09.30\n"
            + "1 mar 2027;Kl. 8:15\n"
            + "2 December 2027;9:30\n");

        Assert.True(read.Succeeded);
        Assert.Equal(
            [
                new LocalDateTime(2027, 2, 10, 13, 0), new LocalDateTime(2027, 5, 3, 9, 30),
                new LocalDateTime(2027, 10, 14, 13, 0), new LocalDateTime(2027, 9, 8, 9, 30),
                new LocalDateTime(2027, 3, 1, 8, 15), new LocalDateTime(2027, 12, 2, 9, 30),
            ],
            read.Meetings.Select(m => m.Date + m.StartsAt));
    }

    [Fact]
    public void A_time_cell_that_excel_writes_with_seconds_is_read()
    {
        var read = Read("2027-02-10;13:00:00\n2027-03-10;08:30:00\n");

        Assert.True(read.Succeeded);
        Assert.Equal([new LocalTime(13, 0), new LocalTime(8, 30)], read.Meetings.Select(m => m.StartsAt));
    }

    [Fact]
    public void A_meeting_without_a_time_starts_at_one_in_the_afternoon()
    {
        var read = Read("Datum;Tid;Plats\n2027-02-10;;Stadshuset\n2027-03-10\n");

        Assert.All(read.Meetings, m => Assert.Equal(new LocalTime(13, 0), m.StartsAt));
        Assert.Equal(2, read.Meetings.Count);
    }

    [Fact]
    public void Ostra_salen_in_a_windows_1252_export_is_read_with_its_o_with_dots()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = windows1252.GetBytes("Datum;Tid;Plats\r\n2027-02-10;13:00;Östra salen, Åkersberga\r\n");

        var read = MeetingPlanCsv.Read(bytes, Today);

        Assert.Equal("Östra salen, Åkersberga", Assert.Single(read.Meetings).Place);
    }

    [Fact]
    public void A_quoted_place_may_hold_the_separator_and_doubled_quotes()
    {
        var read = Read("2027-02-10;13:00;\"Stadshuset; sal \"\"A\"\"\"\n2027-03-10;13:00;\"  Sal B  \"\n");

        Assert.Equal(["Stadshuset; sal \"A\"", "Sal B"], read.Meetings.Select(m => m.Place));
    }

    [Fact]
    public void A_place_on_two_lines_in_its_cell_counts_as_one_row()
    {
        var read = Read("2027-02-10;13:00;\"Stadshuset\nsal A\"\n2027-03-10\n");

        Assert.Equal([1, 2], read.Meetings.Select(m => m.Line));
        Assert.Equal("Stadshuset\nsal A", read.Meetings[0].Place);
    }

    [Fact]
    public void A_quote_never_closed_is_read_as_written_and_the_rows_after_it_still_count()
    {
        var read = Read("2027-02-10;13:00;\"Stadshuset\n2027-03-10;13:00;Sal B\n");

        Assert.Equal(["\"Stadshuset", "Sal B"], read.Meetings.Select(m => m.Place));
    }

    [Fact]
    public void A_comma_separated_file_is_read_when_its_first_line_has_no_semicolon()
    {
        var read = Read("Date,Time,Place\n2027-02-10,13.00,\"Stadshuset, sal A\"\n");

        Assert.Equal(new PlannedMeeting(2, new LocalDate(2027, 2, 10), new LocalTime(13, 0), "Stadshuset, sal A"), Assert.Single(read.Meetings));
    }

    [Fact]
    public void Rows_of_a_date_alone_do_not_decide_the_separator()
    {
        var read = Read("2027-02-10\n2027-03-10;9.00;Sal B\n");

        Assert.Equal([null, "Sal B"], read.Meetings.Select(m => m.Place));
    }

    [Fact]
    public void Excels_unicode_text_with_tabs_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Datum\tTid\tPlats\r\n2027-02-10\t13:00\tÖstra salen\r\n")).ToArray();

        var read = MeetingPlanCsv.Read(bytes, Today);

        Assert.Equal(new PlannedMeeting(2, new LocalDate(2027, 2, 10), new LocalTime(13, 0), "Östra salen"), Assert.Single(read.Meetings));
    }

    [Theory]
    [InlineData(";13:00;Stadshuset", 1, MeetingPlanProblem.NoDate, "")]
    [InlineData("2027-02-30;13:00", 1, MeetingPlanProblem.BadDate, "2027-02-30")]
    [InlineData("02/10/2027;13:00", 1, MeetingPlanProblem.BadDate, "02/10/2027")]
    [InlineData("10/2 2027", 1, MeetingPlanProblem.BadDate, "10/2 2027")]
    [InlineData("2027-2-10", 1, MeetingPlanProblem.BadDate, "2027-2-10")]
    [InlineData("30 februari 2027", 1, MeetingPlanProblem.BadDate, "30 februari 2027")]
    [InlineData("10 febr 2027", 1, MeetingPlanProblem.BadDate, "10 febr 2027")]
    [InlineData("2027-02-10;halv två", 2, MeetingPlanProblem.BadTime, "halv två")]
    [InlineData("2027-02-10; 24:00 ", 2, MeetingPlanProblem.BadTime, "24:00")]
    [InlineData("2027-02-10;13:00-16:00", 2, MeetingPlanProblem.BadTime, "13:00-16:00")]
    [InlineData("2027-02-10;13:00;Stadshuset;;Ta med kaffe;", 5, MeetingPlanProblem.TooManyColumns, "Ta med kaffe")]
    [InlineData("2026-11-15;13:00", 1, MeetingPlanProblem.InThePast, "2026-11-15")]
    public void A_wrong_cell_is_reported_at_its_line_and_column_with_what_was_written(string row, int column, MeetingPlanProblem problem, string value)
    {
        var read = Read("Datum;Tid;Plats\n2027-01-20;13:00;Stadshuset\n" + row + "\n");

        Assert.Equal(new MeetingPlanError(3, column, problem, value), Single(read));
    }

    [Fact]
    public void A_place_longer_than_two_hundred_characters_is_too_long()
    {
        var place = new string('x', 201);

        var read = Read("2027-02-10;13:00;" + new string('x', 200) + "\n2027-03-10;13:00;" + place + "\n");

        Assert.Equal(new MeetingPlanError(2, 3, MeetingPlanProblem.TooLong, place), Single(read));
    }

    [Fact]
    public void The_same_date_twice_is_a_duplicate_on_the_second_line_as_written_there()
    {
        var read = Read("Datum;Tid\n2027-02-10;13:00\n2027-03-10;13:00\n10 feb 2027;9:00\n");

        Assert.Equal(new MeetingPlanError(4, 1, MeetingPlanProblem.Duplicate, "10 feb 2027"), Single(read));
    }

    [Fact]
    public void A_meeting_today_is_not_in_the_past()
    {
        var read = Read("2026-11-16;18:00\n");

        Assert.Equal(Today, Assert.Single(read.Meetings).Date);
    }

    [Fact]
    public void With_a_year_given_every_date_must_fall_in_it()
    {
        Assert.True(Read("2027-01-04\n2027-12-31\n", year: 2027).Succeeded);

        var read = Read("2027-01-04\n2028-01-12\n2026-12-14\n", year: 2027);

        Assert.Equal(
            [
                new MeetingPlanError(2, 1, MeetingPlanProblem.OutsideYear, "2028-01-12"),
                new MeetingPlanError(3, 1, MeetingPlanProblem.OutsideYear, "2026-12-14"),
            ],
            read.Errors);
    }

    [Fact]
    public void Several_bad_lines_are_all_reported_in_line_order()
    {
        var read = Read(
            "Datum;Tid;Plats\n"
            + "2027-02-10;13:00;Stadshuset\n"
            + "2027-02-31;kl. ett;Stadshuset;Extra\n"
            + "\n"
            + "2027-03-10;13:00;Stadshuset\n"
            + "2025-05-05\n"
            + ";13:00\n");

        Assert.Empty(read.Meetings);
        Assert.Equal(
            [
                new MeetingPlanError(3, 1, MeetingPlanProblem.BadDate, "2027-02-31"),
                new MeetingPlanError(3, 2, MeetingPlanProblem.BadTime, "kl. ett"),
                new MeetingPlanError(3, 4, MeetingPlanProblem.TooManyColumns, "Extra"),
                new MeetingPlanError(6, 1, MeetingPlanProblem.InThePast, "2025-05-05"),
                new MeetingPlanError(7, 1, MeetingPlanProblem.NoDate, ""),
            ],
            read.Errors);
    }

    [Fact]
    public void One_bad_line_among_good_ones_gives_no_meeting_at_all()
    {
        var read = Read("2027-02-10\n2027-03-10\n2027-04-07;13:60\n2027-05-12\n");

        Assert.False(read.Succeeded);
        Assert.Empty(read.Meetings);
        Assert.Equal(new MeetingPlanError(3, 2, MeetingPlanProblem.BadTime, "13:60"), Assert.Single(read.Errors));
    }

    [Fact]
    public void A_first_row_with_a_mistyped_date_is_reported_not_taken_for_a_header()
    {
        var read = Read("2027-02-30;13:00\n2027-03-10;13:00\n");

        Assert.Equal(new MeetingPlanError(1, 1, MeetingPlanProblem.BadDate, "2027-02-30"), Single(read));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("Datum;Tid;Plats\r\n;;\r\n")]
    public void A_file_without_meetings_is_one_empty_error(string csv) =>
        Assert.Equal(new MeetingPlanError(0, 0, MeetingPlanProblem.Empty, ""), Single(Read(csv)));

    [Fact]
    public void Binary_junk_is_one_not_text_error()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00];

        var read = MeetingPlanCsv.Read(zip, Today);

        Assert.Equal(new MeetingPlanError(0, 0, MeetingPlanProblem.NotText, ""), Single(read));
    }
}
