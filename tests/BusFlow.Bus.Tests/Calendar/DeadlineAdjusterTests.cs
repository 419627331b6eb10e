using BusFlow.Bus.Calendar;
using NodaTime;

namespace BusFlow.Bus.Tests.Calendar;

public sealed class DeadlineAdjusterTests
{
    private readonly DeadlineAdjuster _adjuster = new();

    [Fact]
    public void A_deadline_on_juldagen_moves_past_the_weekend_to_monday()
    {
        // 2026: 25 December Friday (juldagen), 26 Saturday (annandag jul), 27 Sunday.
        var deadline = _adjuster.Adjust(new LocalDate(2026, 12, 25));

        Assert.Equal(new LocalDate(2026, 12, 28), deadline.Date);
        Assert.Equal(new LocalDate(2026, 12, 25), deadline.Requested);
        Assert.True(deadline.Moved);
        Assert.Equal("juldagen", deadline.Reason);
        Assert.Equal("flyttad från 25/12 till 28/12 (juldagen)", deadline.TextSv);
        Assert.Equal("moved from 25/12 to 28/12 (Christmas Day)", deadline.TextEn);
    }

    [Fact]
    public void A_deadline_on_julafton_moves_like_a_holiday()
    {
        var deadline = _adjuster.Adjust(new LocalDate(2026, 12, 24));

        Assert.Equal(new LocalDate(2026, 12, 28), deadline.Date);
        Assert.Equal("flyttad från 24/12 till 28/12 (julafton)", deadline.TextSv);
        Assert.Equal("moved from 24/12 to 28/12 (Christmas Eve)", deadline.TextEn);
    }

    [Fact]
    public void A_deadline_on_midsommarafton_moves_to_the_monday_after()
    {
        var deadline = _adjuster.Adjust(new LocalDate(2026, 6, 19));

        Assert.Equal(new LocalDate(2026, 6, 22), deadline.Date);
        Assert.Equal("flyttad från 19/6 till 22/6 (midsommarafton)", deadline.TextSv);
        Assert.Equal("moved from 19/6 to 22/6 (Midsummer Eve)", deadline.TextEn);
    }

    [Fact]
    public void A_deadline_on_nyarsdagen_2027_moves_to_monday_the_fourth()
    {
        var deadline = _adjuster.Adjust(new LocalDate(2027, 1, 1));

        Assert.Equal(new LocalDate(2027, 1, 4), deadline.Date);
        Assert.Equal("flyttad från 1/1 till 4/1 (nyårsdagen)", deadline.TextSv);
        Assert.Equal("moved from 1/1 to 4/1 (New Year's Day)", deadline.TextEn);
    }

    [Fact]
    public void A_holiday_on_a_saturday_is_named_by_the_holiday_not_the_weekday()
    {
        // 2027: juldagen is a Saturday, annandag jul a Sunday.
        var christmas = _adjuster.Adjust(new LocalDate(2027, 12, 25));
        var allSaints = _adjuster.Adjust(new LocalDate(2026, 10, 31));

        Assert.Equal("flyttad från 25/12 till 27/12 (juldagen)", christmas.TextSv);
        Assert.Equal("moved from 25/12 to 27/12 (Christmas Day)", christmas.TextEn);
        Assert.Equal("flyttad från 31/10 till 2/11 (alla helgons dag)", allSaints.TextSv);
        Assert.Equal("moved from 31/10 to 2/11 (All Saints' Day)", allSaints.TextEn);
    }

    [Fact]
    public void A_deadline_on_a_plain_weekend_is_named_by_its_weekday()
    {
        var saturday = _adjuster.Adjust(new LocalDate(2026, 3, 7));
        var sunday = _adjuster.Adjust(new LocalDate(2026, 3, 8));

        Assert.Equal(new LocalDate(2026, 3, 9), saturday.Date);
        Assert.Equal("flyttad från 7/3 till 9/3 (lördag)", saturday.TextSv);
        Assert.Equal("moved from 7/3 to 9/3 (Saturday)", saturday.TextEn);
        Assert.Equal(new LocalDate(2026, 3, 9), sunday.Date);
        Assert.Equal("söndag", sunday.Reason);
        Assert.Equal("moved from 8/3 to 9/3 (Sunday)", sunday.TextEn);
    }

    [Fact]
    public void A_deadline_on_a_plain_wednesday_stays()
    {
        var deadline = _adjuster.Adjust(new LocalDate(2026, 3, 4));

        Assert.Equal(new LocalDate(2026, 3, 4), deadline.Date);
        Assert.False(deadline.Moved);
        Assert.Null(deadline.Reason);
        Assert.Null(deadline.TextSv);
        Assert.Null(deadline.TextEn);
    }

    [Fact]
    public void A_deadline_on_langfredagen_moves_past_easter_to_tuesday()
    {
        var deadline = _adjuster.Adjust(new LocalDate(2026, 4, 3));

        Assert.Equal(new LocalDate(2026, 4, 7), deadline.Date);
        Assert.Equal("moved from 3/4 to 7/4 (Good Friday)", deadline.TextEn);
    }
}
