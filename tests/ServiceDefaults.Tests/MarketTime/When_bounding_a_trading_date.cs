using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_bounding_a_trading_date
{
    [Theory]
    [InlineData("2026-11-18", "2026-11-18T05:00:00Z", "2026-11-19T05:00:00Z")] // EST: the New York day is 05:00Z-05:00Z
    [InlineData("2026-06-10", "2026-06-10T04:00:00Z", "2026-06-11T04:00:00Z")] // EDT: 04:00Z-04:00Z
    [InlineData("2026-03-08", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z")] // spring forward: a 23-hour day
    [InlineData("2026-11-01", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")] // fall back: a 25-hour day
    public void Should_span_the_new_york_day_not_the_utc_day(string date, string start, string end)
    {
        var (s, e) = MarketTimeZone.DayBounds(DateOnly.Parse(date));
        Assert.Equal(DateTimeOffset.Parse(start), s);
        Assert.Equal(DateTimeOffset.Parse(end), e);
        Assert.Equal(TimeSpan.Zero, s.Offset);
        Assert.Equal(DateOnly.Parse(date), MarketTimeZone.TradingDate(s));
        Assert.Equal(DateOnly.Parse(date), MarketTimeZone.TradingDate(e.AddTicks(-1)));
        Assert.Equal(DateOnly.Parse(date).AddDays(1), MarketTimeZone.TradingDate(e));
    }
}
