using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_asking_the_nyse_calendar_for_sessions
{
    readonly NyseCalendar _calendar = new();

    static DateOnly D(string date) => DateOnly.Parse(date);

    static DateTimeOffset T(string instant) => DateTimeOffset.Parse(instant);

    [Theory]
    [InlineData("2025-06-07")]
    [InlineData("2025-06-08")]
    [InlineData("2027-12-25")]
    public void Should_be_closed_on_weekends(string date)
    {
        Assert.False(_calendar.IsTradingDay(D(date)));
        Assert.Null(_calendar.GetSession(D(date)));
        Assert.False(_calendar.IsOpen(MarketTimeZone.FromMarketLocal(D(date), new TimeOnly(12, 0))));
    }

    [Fact]
    public void Should_trade_390_minutes_from_0930_to_1600_on_an_ordinary_summer_day()
    {
        var session = _calendar.GetSession(D("2025-06-10"));

        Assert.Equal(new TradingSession(D("2025-06-10"), T("2025-06-10T13:30:00Z"), T("2025-06-10T20:00:00Z"), false), session);
        Assert.Equal(390, session!.Minutes);
    }

    [Fact]
    public void Should_trade_390_minutes_from_0930_to_1600_on_an_ordinary_winter_day()
    {
        var session = _calendar.GetSession(D("2025-01-14"));

        Assert.Equal(new TradingSession(D("2025-01-14"), T("2025-01-14T14:30:00Z"), T("2025-01-14T21:00:00Z"), false), session);
        Assert.Equal(390, session!.Minutes);
    }

    [Fact]
    public void Should_close_at_1300_on_the_day_after_thanksgiving_2026()
    {
        var session = _calendar.GetSession(D("2026-11-27"));

        Assert.NotNull(session);
        Assert.True(session.IsEarlyClose);
        Assert.Equal(T("2026-11-27T14:30:00Z"), session.OpenUtc);
        Assert.Equal(T("2026-11-27T18:00:00Z"), session.CloseUtc); // 13:00 EST
        Assert.Equal(210, session.Minutes);
        Assert.Null(_calendar.GetSession(D("2026-11-26")));
    }

    [Theory]
    [InlineData("2025-06-10T13:29:59Z", false)]
    [InlineData("2025-06-10T09:30:00-04:00", true)]
    [InlineData("2025-06-10T19:59:59.9999999Z", true)]
    [InlineData("2025-06-10T20:00:00Z", false)]
    [InlineData("2025-06-10T23:30:00Z", false)]
    [InlineData("2026-11-27T17:59:59Z", true)]
    [InlineData("2026-11-27T18:00:00Z", false)]
    public void Should_be_open_only_within_the_half_open_session_interval(string instant, bool open)
    {
        Assert.Equal(open, _calendar.IsOpen(T(instant)));
    }

    [Theory]
    [InlineData("2025-06-06", "2025-06-09")] // Friday -> Monday
    [InlineData("2025-06-07", "2025-06-09")] // from a weekend
    [InlineData("2025-01-08", "2025-01-10")] // over the 2025-01-09 national day of mourning
    [InlineData("2026-11-25", "2026-11-27")] // over Thanksgiving to the early close
    [InlineData("2026-07-02", "2026-07-06")] // over the observed Independence Day and a weekend
    [InlineData("2027-12-30", "2027-12-31")]
    public void Should_find_the_next_session_strictly_after_a_date(string after, string expected)
    {
        Assert.Equal(D(expected), _calendar.NextSession(D(after)).Date);
    }

    [Theory]
    [InlineData("2025-06-09", "2025-06-06")]
    [InlineData("2026-11-30", "2026-11-27")]
    [InlineData("2027-12-27", "2027-12-23")] // over the observed Christmas (Friday 2027-12-24)
    [InlineData("2024-01-03", "2024-01-02")]
    public void Should_find_the_previous_session_strictly_before_a_date(string before, string expected)
    {
        Assert.Equal(D(expected), _calendar.PreviousSession(D(before)).Date);
    }

    [Theory]
    [InlineData("2023-12-29", "2023")]
    [InlineData("2028-01-03", "2028")]
    [InlineData("2029-06-01", "2029")]
    public void Should_refuse_dates_outside_the_covered_years(string date, string year)
    {
        var error = Assert.Throws<MarketCalendarException>(() => _calendar.GetSession(D(date)));

        Assert.Equal(D(date), error.Date);
        Assert.Contains($"No calendar data for {year}", error.Message);
        Assert.Throws<MarketCalendarException>(() => _calendar.IsTradingDay(D(date)));
        Assert.Throws<MarketCalendarException>(() => _calendar.IsOpen(MarketTimeZone.FromMarketLocal(D(date), new TimeOnly(12, 0))));
    }

    [Fact]
    public void Should_refuse_to_search_past_the_covered_years()
    {
        Assert.Throws<MarketCalendarException>(() => _calendar.NextSession(D("2027-12-31")));
        Assert.Throws<MarketCalendarException>(() => _calendar.PreviousSession(D("2024-01-02")));
    }

    [Fact]
    public void Should_cover_the_historical_months_of_the_real_bars_and_nothing_around_them()
    {
        Assert.Null(_calendar.GetSession(D("2011-01-17")));
        var session = _calendar.GetSession(D("2011-03-14"));
        Assert.NotNull(session);
        Assert.Equal(390, session.Minutes);
        Assert.Equal(DateTimeOffset.Parse("2011-03-14T13:30:00Z"), session.OpenUtc);
        Assert.Equal(D("2011-01-18"), _calendar.NextSession(D("2011-01-14")).Date);
        Assert.Throws<MarketCalendarException>(() => _calendar.GetSession(D("2011-02-01")));
        Assert.Throws<MarketCalendarException>(() => _calendar.GetSession(D("2010-12-31")));
    }
}
