using Tradewire.Dashboard.Domain;
using static Tradewire.Dashboard.Tests.Events;

namespace Tradewire.Dashboard.Tests;

public sealed class When_the_session_is_replayed_into_the_book
{
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    static BookReplay.Result Run() => BookReplay.Run(100_000m,
        [Decision(A, "AAPL", "BUY", 100, 100m, 98m, 104m), Decision(B, "MSFT", "BUY", 50, 400m, 396m, 408m)],
        [Fill(A, "AAPL", "ENTRY", "BUY", 100, 100m, 1), Fill(B, "MSFT", "ENTRY", "BUY", 50, 400m, 2), Fill(A, "AAPL", "TARGET", "SELL", 100, 104m, 3)],
        [],
        [Minute(0, ("AAPL", 99m)), Minute(1, ("AAPL", 101m)), Minute(2, ("AAPL", 102m), ("MSFT", 398m)), Minute(3, ("AAPL", 104m), ("MSFT", 402m))],
        Open.AddHours(-9.5), Open.AddHours(14.5));

    [Fact]
    public void Should_sample_equity_daily_pnl_and_heat_after_every_minute()
    {
        var curve = Run().Curve;
        Assert.Equal(4, curve.Count);
        Assert.Equal(Open.AddMinutes(1), curve[0].At);
        Assert.Equal(100_000m, curve[0].Equity);                 // nothing held yet
        Assert.Equal(100_100m, curve[1].Equity);                 // AAPL 100 @ 100 marked 101
        Assert.Equal(0.1998m, curve[1].HeatPct);                 // 100 x 2 over 100,100, in percent to 4 places
        Assert.Equal(100_000m + 200m - 100m, curve[2].Equity);   // AAPL +200, MSFT 50 marked 398 = -100
        Assert.Equal(100_000m + 400m + 100m, curve[3].Equity);   // AAPL realized +400, MSFT +100 open
        Assert.Equal(500m, curve[3].DailyPnl);
    }

    [Fact]
    public void Should_end_with_realized_unrealized_heat_and_exposure_of_what_is_open()
    {
        var now = Run().Now;
        Assert.Equal(400m, now.Realized);
        Assert.Equal(400m, now.DailyRealized);
        Assert.Equal(100m, now.Unrealized);
        Assert.Equal(200m, now.OpenRisk);                         // MSFT 50 x 4
        Assert.Equal(20_100m, now.GrossExposure);                 // MSFT 50 x 402
        Assert.Equal(1, now.OpenPositions);
        Assert.Equal(Math.Round(200m / 100_500m * 100m, 4), now.HeatPct);
    }

    [Fact]
    public void Should_not_count_an_earlier_days_realized_pnl_as_today()
    {
        var id = Guid.NewGuid();
        var result = BookReplay.Run(100_000m, [], [Fill(id, "X", "ENTRY", "BUY", 1, 10m, -2000), Fill(id, "X", "EXIT", "SELL", 1, 15m, -1990)], [], [],
            Open.AddHours(-9.5), Open.AddHours(14.5));
        Assert.Equal(5m, result.Now.Realized);
        Assert.Equal(0m, result.Now.DailyRealized);
        Assert.Equal(100_005m, result.Now.Equity);
    }
}
