using Tradewire.Contracts.Domain;
// This class's entry point is a method named Price: the value type is reached by this name instead.
using SharePrice = Tradewire.Contracts.Domain.Price;
using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The dispatcher's pricing and sizing; the formulas are fixed, only their parameters are configuration:
/// entry = close × (1 ± slippage_bps / 10000) (+ for longs, − for shorts: the fill is always worse);
/// stop distance = entry × recent_vol × stop_loss_atr_mult; stop = entry ∓ distance; target = entry ± distance
/// × take_profit_risk_reward; qty = floor(paper_equity × max_risk_per_trade_pct / distance), capped so that
/// qty × entry &lt;= <see cref="MaxPositionFractionOfEquity"/> × paper_equity.
/// </summary>
public static class BracketPricer
{
    /// <summary>A position's notional never exceeds this fraction of paper equity.</summary>
    public const decimal MaxPositionFractionOfEquity = 0.25m;

    /// <summary>A stop closer than this (dollars) is treated as no stop: sizing on it would explode.</summary>
    public const decimal MinStopDistanceDollars = 0.01m;

    /// <summary>... or closer than this fraction of the entry (1 basis point).</summary>
    public const decimal MinStopDistanceFraction = 0.0001m;

    const int PriceDecimals = 4;

    public static PricingResult Price(TradeAction action, decimal close, decimal recentVol, DispatcherConfig config)
    {
        if (close <= 0)
            return PricingResult.Skip("invalid_close", close, 0m);
        var isShort = TradeActions.IsShort(action);
        var slip = config.DefaultSlippageBps / 10000m;
        var entry = Round(close * (isShort ? 1 - slip : 1 + slip));
        var distance = entry * recentVol * config.StopLossAtrMult;
        var minDistance = Math.Max(MinStopDistanceDollars, entry * MinStopDistanceFraction);
        if (distance < minDistance)
            return PricingResult.Skip("stop_distance_too_small", Round(distance), Round(minDistance));

        var target = distance * config.TakeProfitRiskReward;
        var stop = Round(isShort ? entry + distance : entry - distance);
        var takeProfit = Round(isShort ? entry - target : entry + target);
        if (takeProfit <= 0 || stop <= 0)
            return PricingResult.Skip("take_profit_not_positive", Math.Min(takeProfit, stop), 0m);

        // Whole shares: as many as the risk budget covers at the risk per share, and no more than the notional
        // cap buys at the entry.
        var entryPrice = SharePrice.Of(entry);
        var riskBudget = config.PaperEquity * config.MaxRiskPerTradeFraction;
        var riskQty = Quantity.Affordable(riskBudget, distance);
        var capNotional = config.PaperEquity * MaxPositionFractionOfEquity;
        var capQty = Quantity.Affordable(capNotional, entryPrice);
        var qty = Quantity.Min(riskQty, capQty);
        if (!qty.IsPositive)
            return PricingResult.Skip("qty_zero", qty, 1m);

        return PricingResult.Ok(new BracketPlan
        {
            Side = TradeActions.Side(action),
            EntryPrice = entryPrice,
            StopLossPrice = SharePrice.Of(stop),
            TakeProfitPrice = SharePrice.Of(takeProfit),
            StopDistance = Round(distance),
            Qty = qty,
            Notional = entryPrice * qty,
            SlippageBps = config.DefaultSlippageBps,
            SizingRationale = new Dictionary<string, object>
            {
                ["paper_equity"] = config.PaperEquity,
                ["max_risk_per_trade_pct"] = config.MaxRiskPerTradeFraction,
                ["risk_budget"] = riskBudget,
                ["risk_per_share"] = Round(distance),
                ["risk_qty"] = (decimal)riskQty,
                ["max_position_pct"] = MaxPositionFractionOfEquity,
                ["cap_notional"] = capNotional,
                ["cap_qty"] = (decimal)capQty,
                ["binding"] = riskQty.Shares <= capQty.Shares ? "risk" : "notional_cap",
                ["qty"] = (decimal)qty,
            },
        });
    }

    static decimal Round(decimal value) => Math.Round(value, PriceDecimals, MidpointRounding.AwayFromZero);
}
