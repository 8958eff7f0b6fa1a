namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_book_is_valued_at_the_last_marks
{
    static Book BookWith(params (string Ticker, decimal Qty, decimal Avg, decimal? Mark)[] rows)
    {
        var book = new Book { Status = new TradingStatus { State = TradingState.Active } };
        foreach (var (ticker, qty, avg, mark) in rows)
        {
            book.Positions[ticker] = new Position { Ticker = ticker, Qty = qty, AvgPrice = avg, RealizedPnl = 10m };
            if (mark is { } m)
                book.Marks[ticker] = new Mark { Ticker = ticker, LastPrice = m };
        }
        return book;
    }

    [Fact]
    public void Should_count_open_profit_of_longs_and_open_loss_of_shorts_in_equity()
    {
        var book = BookWith(("AAPL", 50m, 100m, 102m), ("MSFT", -10m, 50m, 52m), ("FLAT", 0m, 0m, null));
        Assert.Equal(100m - 20m, book.UnrealizedPnl());
        Assert.Equal(100_000m + 30m + 80m, book.Equity(100_000m)); // starting + realized (3 x 10) + unrealized
        Assert.Equal(50m * 102m + 10m * 52m, book.Exposure());
        Assert.Equal(50m * 102m, book.Exposure("AAPL"));
    }

    [Fact]
    public void Should_call_equity_and_exposure_unknown_when_a_held_ticker_has_no_mark()
    {
        var book = BookWith(("AAPL", 50m, 100m, 102m), ("MSFT", 10m, 50m, null));
        Assert.Null(book.UnrealizedPnl());
        Assert.Null(book.Equity(100_000m));
        Assert.Null(book.Exposure());
    }
}

public sealed class When_equity_falls_from_its_references
{
    static readonly RiskLimits Limits = new(); // daily loss 2 %, session drawdown 1 %, drawdown 10 %

    [Fact]
    public void Should_breach_the_session_drawdown_at_one_percent_from_the_session_peak()
    {
        Assert.Empty(LossLimits.Breaches(100_100.01m, 100_000m, 101_100m, 101_100m, Limits)); // 0.99999 % below the peak
        var breach = Assert.Single(LossLimits.Breaches(100_089m, 100_000m, 101_100m, 101_100m, Limits));
        Assert.Equal(LossLimits.SessionDrawdown, breach.Code);
        Assert.Equal(0.01m, breach.Threshold);
    }

    [Fact]
    public void Should_name_the_daily_loss_first_when_several_limits_are_breached()
    {
        var breaches = LossLimits.Breaches(89_000m, 100_000m, 100_000m, 100_000m, Limits);
        Assert.Equal([LossLimits.DailyLoss, LossLimits.SessionDrawdown, LossLimits.MaxDrawdown], breaches.Select(b => b.Code));
    }

    [Theory]
    [InlineData(true, 100, 95, true)]       // long down exactly 5 %
    [InlineData(true, 100, 95.01, false)]
    [InlineData(false, 100, 105, true)]     // short up 5 %
    [InlineData(false, 100, 104.99, false)]
    [InlineData(true, 100, 120, false)]     // in profit
    public void Should_stop_a_position_that_lost_five_percent_of_its_entry(bool isLong, decimal entry, decimal mark, bool breached) =>
        Assert.Equal(breached, PositionStop.Breached(isLong, entry, mark, Limits));

    [Fact]
    public void Should_refuse_an_entry_after_the_session_drawdown()
    {
        var input = new RiskInput
        {
            Ticker = "AAPL", IsShort = false, PlannedQty = 10, EntryPrice = 100m, StopPrice = 95m, MinuteClose = DateTimeOffset.UnixEpoch,
            SignalTs = DateTimeOffset.UnixEpoch, MarketOpen = true, Equity = 100_500m, DayStartEquity = 100_000m, PeakEquity = 101_600m,
            SessionPeakEquity = 101_600m, SymbolExposure = 0, GrossExposure = 0, OpenRisk = 0, SymbolOrdersToday = 0, OrdersToday = 0,
        };
        var d = PreTradeRisk.Evaluate(input, Limits);
        Assert.False(d.Approved);
        Assert.Equal(LossLimits.SessionDrawdown, d.ReasonCode);
    }
}
