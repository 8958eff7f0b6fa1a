using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

public class When_converting_across_dst
{
    static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    [Theory]
    // 2025 spring forward: 02:00 EST -> 03:00 EDT on 2025-03-09 (07:00Z).
    [InlineData("2025-03-09T06:59:59Z", "2025-03-09T01:59:59-05:00")]
    [InlineData("2025-03-09T07:00:00Z", "2025-03-09T03:00:00-04:00")]
    // 2025 fall back: 02:00 EDT -> 01:00 EST on 2025-11-02 (06:00Z); 01:xx happens twice.
    [InlineData("2025-11-02T05:30:00Z", "2025-11-02T01:30:00-04:00")]
    [InlineData("2025-11-02T05:59:59Z", "2025-11-02T01:59:59-04:00")]
    [InlineData("2025-11-02T06:00:00Z", "2025-11-02T01:00:00-05:00")]
    [InlineData("2025-11-02T06:30:00Z", "2025-11-02T01:30:00-05:00")]
    // 2026: 2026-03-08 (07:00Z) and 2026-11-01 (06:00Z).
    [InlineData("2026-03-08T06:59:59Z", "2026-03-08T01:59:59-05:00")]
    [InlineData("2026-03-08T07:00:00Z", "2026-03-08T03:00:00-04:00")]
    [InlineData("2026-11-01T05:59:59Z", "2026-11-01T01:59:59-04:00")]
    [InlineData("2026-11-01T06:00:00Z", "2026-11-01T01:00:00-05:00")]
    public void Should_convert_utc_to_market_local_with_the_offset_in_force(string utc, string expectedLocal)
    {
        var local = MarketTimeZone.ToMarketLocal(DateTimeOffset.Parse(utc));

        var expected = DateTimeOffset.Parse(expectedLocal);
        Assert.Equal(expected.DateTime, local.DateTime);
        Assert.Equal(expected.Offset, local.Offset);
    }

    [Theory]
    [InlineData("2025-03-07", "09:30", "2025-03-07T14:30:00Z")] // Friday before spring forward, EST
    [InlineData("2025-03-10", "09:30", "2025-03-10T13:30:00Z")] // Monday after, EDT
    [InlineData("2025-03-09", "01:59", "2025-03-09T06:59:00Z")]
    [InlineData("2025-03-09", "03:00", "2025-03-09T07:00:00Z")]
    [InlineData("2025-10-31", "16:00", "2025-10-31T20:00:00Z")] // Friday before fall back, EDT
    [InlineData("2025-11-03", "16:00", "2025-11-03T21:00:00Z")] // Monday after, EST
    [InlineData("2025-11-02", "02:00", "2025-11-02T07:00:00Z")] // first unambiguous time after fall back
    [InlineData("2026-03-06", "09:30", "2026-03-06T14:30:00Z")]
    [InlineData("2026-03-09", "09:30", "2026-03-09T13:30:00Z")]
    [InlineData("2026-10-30", "16:00", "2026-10-30T20:00:00Z")]
    [InlineData("2026-11-02", "16:00", "2026-11-02T21:00:00Z")]
    public void Should_convert_market_local_to_utc(string date, string time, string expectedUtc)
    {
        var utc = MarketTimeZone.FromMarketLocal(DateOnly.Parse(date), TimeOnly.Parse(time));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2025-03-09", "02:00")]
    [InlineData("2025-03-09", "02:30")]
    [InlineData("2025-03-09", "02:59:59")]
    [InlineData("2026-03-08", "02:00")]
    [InlineData("2026-03-08", "02:30")]
    public void Should_reject_a_local_time_skipped_by_spring_forward(string date, string time)
    {
        var error = Assert.Throws<ArgumentException>(() => MarketTimeZone.FromMarketLocal(DateOnly.Parse(date), TimeOnly.Parse(time)));

        Assert.Contains("does not exist in America/New_York", error.Message);
        Assert.Contains(date, error.Message);
    }

    [Theory]
    [InlineData("2025-11-02", "01:00", "2025-11-02T05:00:00Z")]
    [InlineData("2025-11-02", "01:30", "2025-11-02T05:30:00Z")]
    [InlineData("2025-11-02", "01:59:59", "2025-11-02T05:59:59Z")]
    [InlineData("2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    public void Should_resolve_a_repeated_fall_back_time_to_the_earlier_daylight_instant(string date, string time, string expectedUtc)
    {
        var utc = MarketTimeZone.FromMarketLocal(DateOnly.Parse(date), TimeOnly.Parse(time));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc), utc);
        Assert.Equal(Edt, MarketTimeZone.ToMarketLocal(utc).Offset);
    }

    [Fact]
    public void Should_round_trip_every_quarter_hour_of_2025_and_2026_except_the_skipped_hour()
    {
        for (var utc = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); utc.Year < 2027; utc = utc.AddMinutes(15))
        {
            var local = MarketTimeZone.ToMarketLocal(utc);
            Assert.True(local.Offset == Est || local.Offset == Edt, $"{utc:O} -> {local:O}");
            var back = MarketTimeZone.FromMarketLocal(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
            // Only the second pass through the repeated fall-back hour maps back to the other (earlier) instant.
            var expected = MarketTimeZone.Zone.IsAmbiguousTime(local.DateTime) ? utc - (Edt - local.Offset) : utc;
            Assert.Equal(expected, back);
        }
    }

    [Theory]
    [InlineData("2025-06-11T03:59:59Z", "2025-06-10")] // 23:59:59 EDT
    [InlineData("2025-06-11T04:00:00Z", "2025-06-11")] // 00:00 EDT
    [InlineData("2025-01-15T04:59:59Z", "2025-01-14")] // 23:59:59 EST
    [InlineData("2025-01-15T05:00:00Z", "2025-01-15")] // 00:00 EST
    [InlineData("2025-06-10T21:00:00-04:00", "2025-06-10")] // non-UTC input offsets are honoured
    public void Should_compute_the_trading_date_in_the_exchange_zone(string instant, string expectedDate)
    {
        Assert.Equal(DateOnly.Parse(expectedDate), MarketTimeZone.TradingDate(DateTimeOffset.Parse(instant)));
    }
}
