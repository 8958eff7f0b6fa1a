namespace Tradewire.Watchlist.Domain;

/// <summary>The stable names of the score components (the keys of a watchlist entry's attribution).</summary>
public static class ScoreComponents
{
    public const string Momentum = "momentum";
    public const string Trend = "trend";
    public const string Liquidity = "liquidity";
    public const string VolatilityRegime = "volatility_regime";
    public const string NewsSentiment = "news_sentiment";
    public const string RewardRisk = "reward_risk";

    /// <summary>In attribution order.</summary>
    public static readonly IReadOnlyList<string> All = [Momentum, Trend, Liquidity, VolatilityRegime, NewsSentiment, RewardRisk];
}
