using BusFlow.Bus.Calendar;
using NodaTime;

namespace BusFlow.Bus.Tests.Calendar;

public sealed class StockholmTimeTests
{
    [Fact]
    public void Half_past_two_on_the_night_clocks_go_forward_does_not_exist()
    {
        Assert.False(StockholmTime.Exists(new LocalDateTime(2026, 3, 29, 2, 30)));
        Assert.True(StockholmTime.Exists(new LocalDateTime(2026, 3, 29, 3, 30)));
        Assert.Equal(0, StockholmTime.Zone.MapLocal(new LocalDateTime(2026, 3, 29, 2, 30)).Count);
    }

    [Fact]
    public void Eight_in_the_morning_is_seven_utc_in_winter_and_six_utc_in_summer()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 27, 7, 0), StockholmTime.At(new LocalDate(2026, 3, 27), new LocalTime(8, 0)));
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 6, 0), StockholmTime.At(new LocalDate(2026, 3, 30), new LocalTime(8, 0)));
    }

    [Fact]
    public void A_time_skipped_in_spring_moves_forward_by_the_gap() =>
        // 02:30 CET would be 01:30 UTC; the clocks jumped from 02:00 to 03:00, so 03:30 CEST.
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), StockholmTime.At(new LocalDate(2026, 3, 29), new LocalTime(2, 30)));

    [Fact]
    public void A_time_that_occurs_twice_in_autumn_is_the_earlier() => Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), StockholmTime.At(new LocalDate(2026, 10, 25), new LocalTime(2, 30)));

    [Fact]
    public void The_days_the_clocks_change_have_23_and_25_hours()
    {
        Assert.Equal(Duration.FromHours(23), StockholmTime.LengthOf(new LocalDate(2026, 3, 29)));
        Assert.Equal(Duration.FromHours(25), StockholmTime.LengthOf(new LocalDate(2026, 10, 25)));
        Assert.Equal(Duration.FromHours(24), StockholmTime.LengthOf(new LocalDate(2026, 10, 26)));
    }
}
