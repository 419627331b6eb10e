using BusFlow.Bus.Mandates;
using NodaTime;

namespace BusFlow.Bus.Tests.Mandates;

public sealed class MandatePeriodsTests
{
    private static readonly MandatePeriod Period2023To2026 = new(
        new LocalDate(2023, 1, 1), new LocalDate(2026, 12, 31), new LocalDate(2022, 9, 11), new LocalDate(2026, 9, 13));

    private static readonly MandatePeriod Period2027To2030 = new(
        new LocalDate(2027, 1, 1), new LocalDate(2030, 12, 31), new LocalDate(2026, 9, 13), new LocalDate(2030, 9, 8));

    [Theory]
    [InlineData(2022, 9, 11)]
    [InlineData(2026, 9, 13)]
    [InlineData(2030, 9, 8)]
    [InlineData(2018, 9, 9)]
    [InlineData(2014, 9, 14)]
    public void Elections_are_held_on_the_second_sunday_of_september(int year, int month, int day)
    {
        Assert.True(MandatePeriods.IsElectionYear(year));
        Assert.Equal(new LocalDate(year, month, day), MandatePeriods.ElectionDay(year));
    }

    [Theory]
    [InlineData(2010, 9, 19)]
    [InlineData(2006, 9, 17)]
    [InlineData(1994, 9, 18)]
    public void Until_2010_elections_were_held_on_the_third_sunday_of_september(int year, int month, int day) => Assert.Equal(new LocalDate(year, month, day), MandatePeriods.ElectionDay(year));

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2027)]
    [InlineData(1991)]
    public void A_year_without_an_election_has_no_election_day(int year)
    {
        Assert.False(MandatePeriods.IsElectionYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => MandatePeriods.ElectionDay(year));
    }

    [Theory]
    [InlineData(2023, 1, 1)]
    [InlineData(2024, 2, 29)]
    [InlineData(2025, 7, 1)]
    [InlineData(2026, 9, 13)]
    [InlineData(2026, 12, 31)]
    public void Any_day_from_2023_to_2026_belongs_to_the_period_2023_2026(int year, int month, int day) => Assert.Equal(Period2023To2026, MandatePeriods.For(new LocalDate(year, month, day)));

    [Theory]
    [InlineData(2027, 1, 1)]
    [InlineData(2028, 6, 6)]
    [InlineData(2030, 9, 8)]
    [InlineData(2030, 12, 31)]
    public void Any_day_from_2027_to_2030_belongs_to_the_period_2027_2030(int year, int month, int day) => Assert.Equal(Period2027To2030, MandatePeriods.For(new LocalDate(year, month, day)));

    [Fact]
    public void The_period_after_2023_2026_is_2027_2030()
    {
        Assert.Equal(Period2027To2030, MandatePeriods.Next(Period2023To2026));
        Assert.Equal("2027–2030", Period2027To2030.ToString());
        Assert.True(Period2027To2030.Contains(new LocalDate(2027, 1, 1)));
        Assert.False(Period2027To2030.Contains(new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void Days_before_the_first_four_year_period_are_refused()
    {
        Assert.Equal(new LocalDate(1995, 1, 1), MandatePeriods.For(new LocalDate(1995, 1, 1)).Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => MandatePeriods.For(new LocalDate(1994, 12, 31)));
    }
}
