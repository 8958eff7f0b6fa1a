using Tradewire.Contracts.Features;

namespace Tradewire.Watchlist.Domain;

/// <summary>
/// Scores one symbol from its ready features and its news sentiment. The watchlist ranks opportunity, not
/// direction (calls and puts are both traded), so momentum, trend and news use magnitudes; the signal engine
/// decides the direction. Each component is <c>weight x strength</c> with strength in [0, 1], rounded to
/// <see cref="WatchlistOptions.Decimals"/> places (banker's rounding); the score is the exact sum of the rounded
/// components, so the attribution always adds up to the score.
/// </summary>
public sealed class WatchlistScorer(WatchlistOptions options)
{
    // sqrt(15): the 15-minute noise of a 1-minute volatility under a random walk.
    const decimal Sqrt15 = 3.8729833462m;

    public ScoredSymbol Score(SymbolFeatures f, decimal sentiment)
    {
        var r15 = Math.Abs(f.Return15 ?? 0m);
        var r5 = Math.Abs(f.Return5 ?? 0m);
        var recentVol = f.RecentVol ?? 0m;

        var momentum = Strength(0.6m * r15 + 0.4m * r5, options.MomentumFull);
        var trend = Strength(Math.Abs(f.Trend ?? 0m), options.TrendFull);
        var liquidity = 0.5m * Strength(f.VolRatio ?? 0m, options.VolRatioFull)
                      + 0.5m * Strength(f.Close * f.Volume, options.DollarVolumeFull);
        var news = Math.Min(Math.Abs(sentiment), 1m);
        var rewardRisk = recentVol > 0m ? Strength(r15 / (recentVol * Sqrt15), options.RewardRiskFull) : 0m;

        var parts = new Dictionary<string, decimal>
        {
            [ScoreComponents.Momentum] = Points(options.MomentumWeight, momentum),
            [ScoreComponents.Trend] = Points(options.TrendWeight, trend),
            [ScoreComponents.Liquidity] = Points(options.LiquidityWeight, liquidity),
            [ScoreComponents.VolatilityRegime] = Points(options.VolatilityWeight, VolatilityFit(recentVol)),
            [ScoreComponents.NewsSentiment] = Points(options.NewsWeight, news),
            [ScoreComponents.RewardRisk] = Points(options.RewardRiskWeight, rewardRisk),
        };
        return new ScoredSymbol(f.Symbol, parts.Values.Sum(), parts);
    }

    /// <summary>1 inside the preferred band, falling linearly to 0 at zero volatility and at twice the band's top.</summary>
    decimal VolatilityFit(decimal recentVol)
    {
        if (recentVol <= 0m) return 0m;
        if (recentVol < options.PreferredVolLow) return recentVol / options.PreferredVolLow;
        if (recentVol <= options.PreferredVolHigh) return 1m;
        return Math.Max(0m, 1m - (recentVol - options.PreferredVolHigh) / options.PreferredVolHigh);
    }

    static decimal Strength(decimal value, decimal full) => full <= 0m ? 0m : Math.Clamp(value / full, 0m, 1m);

    decimal Points(decimal weight, decimal strength) => Math.Round(weight * strength, options.Decimals, MidpointRounding.ToEven);
}
