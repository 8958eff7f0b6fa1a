namespace Tradewire.BrokerGateway.Tests;

public sealed class When_pre_trade_risk_checks_an_entry
{
    static readonly DateTimeOffset Close = new(2026, 11, 23, 15, 1, 0, TimeSpan.Zero);

    static RiskInput Ok() => new()
    {
        Ticker = "AAPL", IsShort = false, PlannedQty = 10, EntryPrice = 100m, StopPrice = 95m, MinuteClose = Close, SignalTs = Close.AddSeconds(-60),
        MarketOpen = true, LastPrice = 100m, SessionOpenPrice = 100m, SpreadBps = null, Equity = 100_000m, DayStartEquity = 100_000m,
        PeakEquity = 100_000m, SymbolExposure = 0, GrossExposure = 0, OpenRisk = 0, SymbolOrdersToday = 0, OrdersToday = 0,
    };

    [Fact]
    public void Should_pass_a_small_fresh_long_entry()
    {
        var d = PreTradeRisk.Evaluate(Ok(), new RiskLimits());
        Assert.True(d.Approved);
        Assert.Equal(10m, d.Qty);
        Assert.False(d.Reduced);
    }

    public static TheoryData<string, RiskInput> Refusals() => new()
    {
        { "MARKET_CLOSED", Ok() with { MarketOpen = false } },
        { "EQUITY_UNKNOWN", Ok() with { Equity = null } },
        { "EXPOSURE_UNKNOWN", Ok() with { GrossExposure = null } },
        { "SHORTS_DISABLED", Ok() with { IsShort = true } },
        { "STALE_SIGNAL", Ok() with { SignalTs = Close.AddSeconds(-121) } },
        { "SLIPPAGE_EXCEEDED", Ok() with { EntryPrice = 100.6m } },
        { "DAILY_LOSS_EXCEEDED", Ok() with { Equity = 97_900m, PeakEquity = 97_900m } },
        { "MAX_DRAWDOWN_EXCEEDED", Ok() with { Equity = 89_000m, DayStartEquity = 89_000m, PeakEquity = 100_000m } },
        { "SYMBOL_ORDER_CAP", Ok() with { SymbolOrdersToday = 5 } },
        { "DAILY_ORDER_CAP", Ok() with { OrdersToday = 200 } },
        { "SPREAD_TOO_WIDE", Ok() with { SpreadBps = 51m } },
        { "SYMBOL_MOVE_LIMIT", Ok() with { LastPrice = 111m, EntryPrice = 111m, SessionOpenPrice = 100m } },
        { "MIN_ORDER_NOTIONAL", Ok() with { PlannedQty = 1, EntryPrice = 40m, StopPrice = 38m, LastPrice = 40m, SessionOpenPrice = 40m } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Should_refuse_with_a_reason_code(string code, RiskInput input)
    {
        var d = PreTradeRisk.Evaluate(input, new RiskLimits());
        Assert.False(d.Approved);
        Assert.Contains(d.Findings, f => f.Code == code);
    }

    public static TheoryData<RiskInput> Passes() => new()
    {
        Ok() with { SignalTs = Close.AddSeconds(-120) },     // exactly at the stale limit
        Ok() with { EntryPrice = 100.5m },                   // exactly at the slippage limit
        Ok() with { SpreadBps = 50m },
        Ok() with { SymbolOrdersToday = 4, OrdersToday = 199 },
        Ok() with { LastPrice = null, SessionOpenPrice = null }, // no price data: slippage and move checks fail open
    };

    [Theory]
    [MemberData(nameof(Passes))]
    public void Should_pass_at_the_boundaries_and_fail_open_without_data(RiskInput input) =>
        Assert.True(PreTradeRisk.Evaluate(input, new RiskLimits()).Approved);

    [Fact]
    public void Should_allow_shorts_when_configured() =>
        Assert.True(PreTradeRisk.Evaluate(Ok() with { IsShort = true }, new RiskLimits { AllowShorts = true }).Approved);

    [Theory]
    [InlineData(200, 0, 0, 0, "MAX_POSITION_EXCEEDED", 50)]          // 5% of 100k at $100
    [InlineData(40, 4_000, 4_000, 0, "MAX_POSITION_EXCEEDED", 10)]   // 1,000 of room left in the symbol
    [InlineData(40, 0, 59_000, 0, "MAX_GROSS_EXPOSURE_EXCEEDED", 10)]
    [InlineData(40, 0, 0, 5_900, "PORTFOLIO_HEAT_EXCEEDED", 20)]      // 100 of heat left at $5 to the stop
    public void Should_reduce_to_the_largest_qty_every_limit_allows(decimal planned, decimal symbol, decimal gross, decimal openRisk, string binding, decimal expected)
    {
        var d = PreTradeRisk.Evaluate(Ok() with { PlannedQty = planned, SymbolExposure = symbol, GrossExposure = gross, OpenRisk = openRisk }, new RiskLimits());
        Assert.True(d.Approved);
        Assert.True(d.Reduced);
        Assert.Equal(expected, d.Qty);
        Assert.Equal(binding, d.BindingLimit);
    }

    [Fact]
    public void Should_bind_on_max_order_notional_when_it_is_the_tightest()
    {
        var d = PreTradeRisk.Evaluate(Ok() with { PlannedQty = 300 }, new RiskLimits { MaxPositionFraction = 0.5m });
        Assert.Equal("MAX_ORDER_NOTIONAL_EXCEEDED", d.BindingLimit);
        Assert.Equal(100m, d.Qty);
    }

    [Fact]
    public void Should_refuse_instead_of_reducing_when_configured()
    {
        var d = PreTradeRisk.Evaluate(Ok() with { PlannedQty = 200 }, new RiskLimits { ReduceInsteadOfReject = false });
        Assert.False(d.Approved);
        Assert.Equal("MAX_POSITION_EXCEEDED", d.ReasonCode);
        Assert.Equal(0.2m, d.Findings[0].Observed);
        Assert.Equal(0.05m, d.Findings[0].Threshold);
    }

    [Fact]
    public void Should_refuse_when_the_reduced_qty_is_dust()
    {
        var d = PreTradeRisk.Evaluate(Ok() with { PlannedQty = 10, SymbolExposure = 4_980 }, new RiskLimits());
        Assert.False(d.Approved);
        Assert.Contains(d.Findings, f => f.Code == "MIN_ORDER_NOTIONAL");
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Should_throw_on_a_planned_qty_that_is_not_whole_shares_above_zero(decimal planned)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PreTradeRisk.Evaluate(Ok() with { PlannedQty = planned }, new RiskLimits()));
        Assert.Contains("whole shares > 0", e.Message);
    }
}
