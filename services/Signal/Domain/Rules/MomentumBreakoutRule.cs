using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>
/// Momentum breakout (direction +1, <c>momentum_breakout</c>, BUY_CALL) or breakdown (direction -1,
/// <c>momentum_breakdown</c>, BUY_PUT): the 15- and 5-minute returns both beyond their minimums in the
/// direction, the trend agreeing beyond its minimum, the close on the right side of SMA20, and volume
/// confirming (vol_ratio at least its minimum).
/// </summary>
public sealed class MomentumBreakoutRule(int direction, SignalOptions options) : ISignalRule
{
    readonly BreakoutRuleOptions o = options.Breakout;

    public string Name => direction > 0 ? "momentum_breakout" : "momentum_breakdown";

    public RuleHit? Evaluate(SymbolFeatures f, decimal sentiment)
    {
        if (!o.Enabled || f.Return15 is not { } r15 || f.Return5 is not { } r5 || f.Trend is not { } trend
            || f.VolRatio is not { } volRatio || f.Sma20 is not { } sma20)
            return null;
        decimal d = direction > 0 ? 1m : -1m;
        if (d * r15 < o.MinReturn15 || d * r5 < o.MinReturn5 || d * trend < o.MinTrend
            || volRatio < o.MinVolRatio || d * (f.Close - sma20) <= 0m)
            return null;

        var raw = o.BaseConfidence
            + o.Return15Weight * Confidence.Strength(d * r15, o.MinReturn15, o.Return15Span)
            + o.VolumeWeight * Confidence.Strength(volRatio, o.MinVolRatio, o.VolRatioSpan)
            + o.TrendWeight * Confidence.Strength(d * trend, o.MinTrend, o.TrendSpan)
            + o.SentimentWeight * Math.Clamp(d * sentiment, -1m, 1m);
        return new RuleHit(Name, direction > 0 ? Actions.BuyCall : Actions.BuyPut, direction > 0 ? Actions.Call : Actions.Put,
            Confidence.Final(raw, options),
            new SortedDictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["return_15"] = r15, ["return_5"] = r5, ["trend"] = trend, ["vol_ratio"] = volRatio,
                ["close"] = f.Close, ["sma20"] = sma20, ["news_sentiment"] = sentiment,
            });
    }
}
