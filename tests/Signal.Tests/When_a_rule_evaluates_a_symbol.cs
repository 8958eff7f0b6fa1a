using Tradewire.Contracts.Signals;
using Tradewire.Signal.Domain;
using Tradewire.Signal.Domain.Rules;

namespace Tradewire.Signal.Tests;

public sealed class When_a_rule_evaluates_a_symbol
{
    readonly SignalOptions options = new();
    static readonly DateTimeOffset M = Snapshots.Open.AddMinutes(60);

    [Fact]
    public void Should_buy_a_call_on_a_confirmed_breakout()
    {
        var hit = new MomentumBreakoutRule(+1, options).Evaluate(Snapshots.Breakout("A", M), 0m);
        Assert.NotNull(hit);
        Assert.Equal(("momentum_breakout", TradeAction.BuyCall, InstrumentType.Call), (hit.Rule, hit.Action, hit.InstrumentType));
        Assert.InRange(hit.Confidence, 0m, 1m);
        Assert.Equal(0.009m, hit.Inputs["return_15"]);
    }

    [Fact]
    public void Should_not_buy_a_call_without_volume_confirmation()
    {
        var f = Snapshots.Breakout("A", M) with { VolRatio = options.Breakout.MinVolRatio - 0.01m };
        Assert.Null(new MomentumBreakoutRule(+1, options).Evaluate(f, 0m));
    }

    [Fact]
    public void Should_measure_the_move_in_the_symbols_own_atrs()
    {
        // The same 0.9 % in 15 minutes is 9 ATRs for a symbol whose minutes range 0.1 %, and 2.25 ATRs (no
        // breakout) for one whose minutes range 0.4 %.
        var rule = new MomentumBreakoutRule(+1, options);
        Assert.Equal(9m, rule.Evaluate(Snapshots.Breakout("A", M), 0m)!.Inputs["move_15_atr"]);
        Assert.Null(rule.Evaluate(Snapshots.Breakout("A", M) with { RecentVol = 0.004m }, 0m));
    }

    [Fact]
    public void Should_not_buy_a_call_against_the_trend()
    {
        var f = Snapshots.Breakout("A", M) with { Trend = -0.001m };
        Assert.Null(new MomentumBreakoutRule(+1, options).Evaluate(f, 0m));
    }

    [Fact]
    public void Should_buy_a_put_on_a_confirmed_breakdown_and_not_a_call()
    {
        var f = Snapshots.Breakdown("A", M);
        var hit = new MomentumBreakoutRule(-1, options).Evaluate(f, 0m);
        Assert.Equal(("momentum_breakdown", TradeAction.BuyPut, InstrumentType.Put), (hit!.Rule, hit.Action, hit.InstrumentType));
        Assert.Null(new MomentumBreakoutRule(+1, options).Evaluate(f, 0m));
    }

    [Fact]
    public void Should_be_more_confident_with_news_in_the_trades_direction()
    {
        var rule = new MomentumBreakoutRule(+1, options);
        var f = Snapshots.Breakout("A", M);
        Assert.True(rule.Evaluate(f, 0.8m)!.Confidence > rule.Evaluate(f, 0m)!.Confidence);
        Assert.True(rule.Evaluate(f, -0.8m)!.Confidence < rule.Evaluate(f, 0m)!.Confidence);
    }

    [Fact]
    public void Should_buy_stock_on_bullish_news_confirmed_by_the_tape()
    {
        var f = Snapshots.Quiet("A", M) with { Return5 = 0.003m };
        var hit = new NewsMomentumRule(options).Evaluate(f, 0.7m);
        Assert.Equal((TradeAction.BuyStock, InstrumentType.Stock), (hit!.Action, hit.InstrumentType));
        Assert.Null(new NewsMomentumRule(options).Evaluate(f with { Return5 = -0.003m }, 0.7m));
        Assert.Null(new NewsMomentumRule(options).Evaluate(f, 0.2m));
    }

    [Fact]
    public void Should_buy_a_put_on_bearish_news_confirmed_by_the_tape()
    {
        var hit = new NewsMomentumRule(options).Evaluate(Snapshots.Quiet("A", M) with { Return5 = -0.003m }, -0.7m);
        Assert.Equal((TradeAction.BuyPut, InstrumentType.Put), (hit!.Action, hit.InstrumentType));
    }

    [Fact]
    public void Should_sell_premium_in_a_quiet_range_with_rich_bars()
    {
        var hit = new RangePremiumRule(options).Evaluate(Snapshots.Range("A", M), 0m);
        Assert.Equal((TradeAction.SellPremium, InstrumentType.Put), (hit!.Action, hit.InstrumentType));
        Assert.Equal(2.5m, hit.Inputs["iv_proxy"]);
        Assert.Null(new RangePremiumRule(options).Evaluate(Snapshots.Range("A", M) with { RealizedVol = 0.0012m }, 0m));
        Assert.Null(new RangePremiumRule(options).Evaluate(Snapshots.Range("A", M) with { Trend = 0.002m }, 0m));
    }

    [Fact]
    public void Should_keep_confidence_within_the_configured_cap()
    {
        // A base high enough that base + every weight exceeds the cap: the cap must bind.
        options.Breakout.BaseConfidence = options.MaxConfidence;
        var f = Snapshots.Breakout("A", M) with { Return15 = 0.05m, VolRatio = 9m, Trend = 0.02m };
        Assert.Equal(options.MaxConfidence, new MomentumBreakoutRule(+1, options).Evaluate(f, 1m)!.Confidence);
    }
}
