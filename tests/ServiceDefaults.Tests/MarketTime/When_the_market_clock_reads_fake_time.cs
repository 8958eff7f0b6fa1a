using Microsoft.Extensions.Time.Testing;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_the_market_clock_reads_fake_time
{
    // FakeTimeProvider refuses to go backwards, so each test starts before every instant it sets.
    readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2024-01-01T00:00:00Z"));
    readonly MarketClock _clock;

    public When_the_market_clock_reads_fake_time() => _clock = new MarketClock(_time, new NyseCalendar());

    void SetMarketLocal(string date, string time) =>
        _time.SetUtcNow(MarketTimeZone.FromMarketLocal(DateOnly.Parse(date), TimeOnly.Parse(time)));

    [Theory]
    // Summer (EDT) and winter (EST) ordinary days.
    [InlineData("2025-06-10", "09:29:59", false)]
    [InlineData("2025-06-10", "09:30:00", true)]
    [InlineData("2025-06-10", "15:59:00", true)]
    [InlineData("2025-06-10", "15:59:59", true)]
    [InlineData("2025-06-10", "16:00:00", false)]
    [InlineData("2025-01-14", "09:29:59", false)]
    [InlineData("2025-01-14", "09:30:00", true)]
    [InlineData("2025-01-14", "15:59:00", true)]
    [InlineData("2025-01-14", "16:00:00", false)]
    // Early close, holiday, weekend.
    [InlineData("2026-11-27", "12:59:59", true)]
    [InlineData("2026-11-27", "13:00:00", false)]
    [InlineData("2026-11-26", "10:00:00", false)]
    [InlineData("2025-06-07", "10:00:00", false)]
    public void Should_report_the_market_open_exactly_between_open_and_close(string date, string time, bool open)
    {
        SetMarketLocal(date, time);

        Assert.Equal(open, _clock.IsMarketOpen);
    }

    [Fact]
    public void Should_open_and_close_as_fake_time_advances()
    {
        SetMarketLocal("2025-06-10", "09:29:59");
        Assert.False(_clock.IsMarketOpen);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_clock.IsMarketOpen);

        _time.Advance(TimeSpan.FromMinutes(390) - TimeSpan.FromTicks(1));
        Assert.True(_clock.IsMarketOpen);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(_clock.IsMarketOpen);
    }

    [Theory]
    [InlineData("2025-06-10T23:59:59Z", "2025-06-10")]
    [InlineData("2025-06-11T00:00:00Z", "2025-06-10")] // midnight UTC is 20:00 EDT the day before
    [InlineData("2025-06-11T03:59:59Z", "2025-06-10")]
    [InlineData("2025-06-11T04:00:00Z", "2025-06-11")]
    [InlineData("2025-01-15T00:00:00Z", "2025-01-14")]
    [InlineData("2025-01-15T04:59:59Z", "2025-01-14")]
    [InlineData("2025-01-15T05:00:00Z", "2025-01-15")]
    public void Should_take_the_trading_date_from_new_york_near_midnight_utc(string utc, string expected)
    {
        _time.SetUtcNow(DateTimeOffset.Parse(utc));

        Assert.Equal(DateOnly.Parse(expected), _clock.TradingDate);
        Assert.Equal(DateOnly.Parse(expected), _clock.CurrentSession!.Date);
        Assert.False(_clock.IsMarketOpen);
    }

    [Fact]
    public void Should_expose_utc_and_market_local_readings_of_the_same_instant()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2025-06-10T13:45:30Z"));

        Assert.Equal(DateTimeOffset.Parse("2025-06-10T13:45:30Z"), _clock.UtcNow);
        Assert.Equal(TimeSpan.Zero, _clock.UtcNow.Offset);
        Assert.Equal(new DateTime(2025, 6, 10, 9, 45, 30), _clock.MarketNow.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), _clock.MarketNow.Offset);
    }

    [Fact]
    public void Should_return_the_scheduled_session_before_the_open_and_none_on_a_weekend()
    {
        SetMarketLocal("2026-11-27", "08:00");
        Assert.Equal(new TradingSession(
            new DateOnly(2026, 11, 27), DateTimeOffset.Parse("2026-11-27T14:30:00Z"), DateTimeOffset.Parse("2026-11-27T18:00:00Z"), true),
            _clock.CurrentSession);

        SetMarketLocal("2026-11-28", "12:00");
        Assert.Null(_clock.CurrentSession);
    }

    [Theory]
    [InlineData("2025-06-10T13:30:59.9999999Z", "2025-06-10T13:30:00Z")]
    [InlineData("2025-06-10T13:30:00Z", "2025-06-10T13:30:00Z")]
    [InlineData("2025-06-10T09:31:15-04:00", "2025-06-10T13:31:00Z")]
    [InlineData("2025-06-10T23:59:59.5Z", "2025-06-10T23:59:00Z")]
    public void Should_floor_an_instant_to_the_start_of_its_utc_minute(string instant, string expected)
    {
        var minute = _clock.MinuteStart(DateTimeOffset.Parse(instant));

        Assert.Equal(DateTimeOffset.Parse(expected), minute);
        Assert.Equal(TimeSpan.Zero, minute.Offset);
    }

    [Fact]
    public void Should_throw_once_time_leaves_the_covered_years()
    {
        _time.SetUtcNow(DateTimeOffset.Parse("2028-01-03T15:00:00Z"));

        Assert.Equal(new DateOnly(2028, 1, 3), _clock.TradingDate);
        Assert.Throws<MarketCalendarException>(() => _clock.IsMarketOpen);
    }
}
