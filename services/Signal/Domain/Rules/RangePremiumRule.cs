using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>
/// Low-volatility range with a high implied-volatility proxy (<c>range_premium</c>, SELL_PREMIUM on a PUT):
/// |trend| and |return_15| under their maximums, volume not elevated, and recent_vol / realized_vol at least the
/// minimum (see <see cref="PremiumRuleOptions"/>). The dispatcher blocks SELL_PREMIUM for now; that is intended.
/// </summary>
public sealed class RangePremiumRule(SignalOptions options) : ISignalRule
{
    readonly PremiumRuleOptions o = options.Premium;

    public string Name => "range_premium";

    public RuleHit? Evaluate(SymbolFeatures f, decimal sentiment)
    {
        if (!o.Enabled || f.Trend is not { } trend || f.Return15 is not { } r15 || f.VolRatio is not { } volRatio
            || f.RecentVol is not { } recentVol || f.RealizedVol is not { } realizedVol || realizedVol <= 0m)
            return null;
        var ivProxy = Math.Round(recentVol / realizedVol, 6);
        if (Math.Abs(trend) > o.MaxAbsTrend || Math.Abs(r15) > o.MaxAbsReturn15 || volRatio > o.MaxVolRatio || ivProxy < o.MinIvProxy)
            return null;

        var raw = o.BaseConfidence + o.IvWeight * Confidence.Strength(ivProxy, o.MinIvProxy, o.IvSpan);
        return new RuleHit(Name, TradeAction.SellPremium, InstrumentType.Put, Confidence.Final(raw, options),
            new SortedDictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["trend"] = trend, ["return_15"] = r15, ["vol_ratio"] = volRatio,
                ["recent_vol"] = recentVol, ["realized_vol"] = realizedVol, ["iv_proxy"] = ivProxy,
            });
    }
}
