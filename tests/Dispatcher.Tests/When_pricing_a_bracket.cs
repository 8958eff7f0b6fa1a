using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;
using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_pricing_a_bracket
{
    static readonly DispatcherConfig Config = DispatcherConfig.Defaults;

    [Fact]
    public void Should_add_slippage_to_a_long_entry_and_place_stop_below_target_above()
    {
        var plan = BracketPricer.Price(TradeAction.BuyStock, 100m, 0.05m, Config).Plan!;
        Assert.Equal(OrderSide.Buy, plan.Side);
        Assert.Equal(100.05m, plan.EntryPrice);              // 100 × (1 + 5/10000)
        Assert.Equal(10.005m, plan.StopDistance);            // 100.05 × 0.05 × 2.0
        Assert.Equal(90.045m, plan.StopLossPrice);
        Assert.Equal(120.06m, plan.TakeProfitPrice);         // entry + 2 × distance
        Assert.Equal(199m, plan.Qty);                        // floor(2000 / 10.005) = floor(199.9)
        Assert.Equal(199m * 100.05m, plan.Notional);
        Assert.Equal("risk", plan.SizingRationale["binding"]);
    }

    [Fact]
    public void Should_mirror_a_put_as_a_short_of_the_underlying()
    {
        var plan = BracketPricer.Price(TradeAction.BuyPut, 100m, 0.05m, Config).Plan!;
        Assert.Equal(OrderSide.Sell, plan.Side);
        Assert.Equal(99.95m, plan.EntryPrice);               // 100 × (1 − 5/10000)
        Assert.Equal(109.945m, plan.StopLossPrice);          // above: 99.95 + 9.995
        Assert.Equal(79.96m, plan.TakeProfitPrice);          // below: 99.95 − 19.99
        Assert.Equal(200m, plan.Qty);                        // floor(2000 / 9.995) = floor(200.1)
    }

    [Fact]
    public void Should_cap_notional_at_a_quarter_of_equity()
    {
        var plan = BracketPricer.Price(TradeAction.BuyCall, 100m, 0.01m, Config).Plan!;
        // risk would allow floor(2000 / 2.001) = 999 shares; 25 % of 100 000 at 100.05 allows 249.
        Assert.Equal(249m, plan.Qty);
        Assert.True(plan.Notional <= 25000m);
        Assert.Equal("notional_cap", plan.SizingRationale["binding"]);
        Assert.Equal(999m, plan.SizingRationale["risk_qty"]);
    }

    [Fact]
    public void Should_round_quantity_down_to_whole_shares()
    {
        var plan = BracketPricer.Price(TradeAction.BuyStock, 37.13m, 0.0313m, Config).Plan!;
        Assert.Equal(decimal.Truncate(plan.Qty), plan.Qty);
        Assert.True(plan.Qty * plan.StopDistance <= 2000m + 0.0001m * plan.Qty);
    }

    [Fact]
    public void Should_skip_a_near_zero_stop_distance_with_a_reason()
    {
        var result = BracketPricer.Price(TradeAction.BuyStock, 100m, 0.00001m, Config);
        Assert.False(result.Priced);
        Assert.Equal("stop_distance_too_small", result.ReasonCode);
        Assert.True(result.Observed < result.Threshold);
    }

    [Fact]
    public void Should_skip_when_the_risk_budget_buys_no_share()
    {
        var small = Config with { PaperEquity = 100m };      // risk budget 2 $, risk per share 10.005 $
        var result = BracketPricer.Price(TradeAction.BuyStock, 500m, 0.01m, small);
        Assert.False(result.Priced);
        Assert.Equal("qty_zero", result.ReasonCode);
        Assert.Equal(0m, result.Observed);
    }

    [Fact]
    public void Should_skip_a_short_whose_target_would_not_be_positive()
    {
        var result = BracketPricer.Price(TradeAction.BuyPut, 100m, 0.3m, Config);  // target = entry − 4 × 0.3 × entry
        Assert.Equal("take_profit_not_positive", result.ReasonCode);
    }

    [Fact]
    public void Should_store_the_sizing_rationale_as_plain_numbers()
    {
        // The rationale is written to sim_json and RecommendationDecided.SizingJson: a typed quantity there would
        // serialize as an object and change what is stored and published.
        var plan = BracketPricer.Price(TradeAction.BuyStock, 100m, 0.05m, Config).Plan!;
        Assert.All(plan.SizingRationale, kv => Assert.True(kv.Value is decimal or string, $"{kv.Key} is a {kv.Value.GetType().Name}"));
        using var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(plan.SizingRationale));
        Assert.Equal((199m, 249m, 199m), (json.RootElement.GetProperty("risk_qty").GetDecimal(), json.RootElement.GetProperty("cap_qty").GetDecimal(),
            json.RootElement.GetProperty("qty").GetDecimal()));
    }
}
