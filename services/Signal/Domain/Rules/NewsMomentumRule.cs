using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>
/// News-driven (<c>news_momentum</c>): decayed sentiment at least the minimum in magnitude and the 5-minute
/// return confirming it (same sign, at least the minimum). Bullish: BUY_STOCK; bearish: BUY_PUT (the book does
/// not short stock).
/// </summary>
public sealed class NewsMomentumRule(SignalOptions options) : ISignalRule
{
    readonly NewsRuleOptions o = options.News;

    public string Name => "news_momentum";

    public RuleHit? Evaluate(SymbolFeatures f, decimal sentiment)
    {
        if (!o.Enabled || f.Return5 is not { } r5 || Math.Abs(sentiment) < o.MinSentiment)
            return null;
        var d = sentiment > 0m ? 1m : -1m;
        if (d * r5 < o.MinReturn5)
            return null;

        var raw = o.BaseConfidence
            + o.SentimentWeight * Confidence.Strength(Math.Abs(sentiment), o.MinSentiment, 1m - o.MinSentiment)
            + o.Return5Weight * Confidence.Strength(d * r5, o.MinReturn5, o.Return5Span);
        var bullish = d > 0m;
        return new RuleHit(Name, bullish ? TradeAction.BuyStock : TradeAction.BuyPut, bullish ? InstrumentType.Stock : InstrumentType.Put,
            Confidence.Final(raw, options),
            new SortedDictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["news_sentiment"] = sentiment, ["return_5"] = r5, ["close"] = f.Close,
            });
    }
}
