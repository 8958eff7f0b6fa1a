using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>
/// Momentum breakout (direction +1, <c>momentum_breakout</c>, BUY_CALL) or breakdown (direction -1,
/// <c>momentum_breakdown</c>, BUY_PUT): the 15- and 5-minute returns and the trend all beyond their minimums in
/// the direction, each measured in the symbol's own ATRs (divided by recent_vol = ATR14 / close), the close on
/// the right side of SMA20, and volume confirming (vol_ratio at least its minimum).
/// </summary>
public sealed class MomentumBreakoutRule(int direction, SignalOptions options) : ISignalRule
{
    readonly BreakoutRuleOptions o = options.Breakout;

    public string Name => direction > 0 ? "momentum_breakout" : "momentum_breakdown";

    public RuleHit? Evaluate(SymbolFeatures f, decimal sentiment)
    {
        if (!o.Enabled || f.Return15 is not { } r15 || f.Return5 is not { } r5 || f.Trend is not { } trend
            || f.VolRatio is not { } volRatio || f.Sma20 is not { } sma20 || f.RecentVol is not > 0m)
            return null;
        decimal d = direction > 0 ? 1m : -1m;
        var atr = f.RecentVol.Value;
        var move15 = Math.Round(d * r15 / atr, 4);
        var move5 = Math.Round(d * r5 / atr, 4);
        var trendAtr = Math.Round(d * trend / atr, 4);
        if (move15 < o.MinMove15 || move5 < o.MinMove5 || trendAtr < o.MinTrend
            || volRatio < o.MinVolRatio || d * (f.Close - sma20) <= 0m)
            return null;

        var raw = o.BaseConfidence
            + o.Move15Weight * Confidence.Strength(move15, o.MinMove15, o.Move15Span)
            + o.VolumeWeight * Confidence.Strength(volRatio, o.MinVolRatio, o.VolRatioSpan)
            + o.TrendWeight * Confidence.Strength(trendAtr, o.MinTrend, o.TrendSpan)
            + o.SentimentWeight * Math.Clamp(d * sentiment, -1m, 1m);
        return new RuleHit(Name, direction > 0 ? TradeAction.BuyCall : TradeAction.BuyPut, direction > 0 ? InstrumentType.Call : InstrumentType.Put,
            Confidence.Final(raw, options),
            new SortedDictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["return_15"] = r15, ["return_5"] = r5, ["trend"] = trend, ["vol_ratio"] = volRatio,
                ["close"] = f.Close, ["sma20"] = sma20, ["news_sentiment"] = sentiment,
                ["recent_vol"] = atr, ["move_15_atr"] = move15, ["move_5_atr"] = move5, ["trend_atr"] = trendAtr,
            });
    }
}
