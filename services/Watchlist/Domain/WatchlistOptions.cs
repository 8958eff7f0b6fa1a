namespace Tradewire.Watchlist.Domain;

/// <summary>
/// Tunables of the watchlist ranking (configuration section <c>Watchlist</c>). Weights are the maximum points a
/// component can contribute; every component is a weight times a normalised strength in [0, 1], so a score lies
/// in [0, sum of weights].
/// </summary>
public sealed class WatchlistOptions
{
    public int TopN { get; set; } = 30;

    /// <summary>Rerank on the minute whose index since the open satisfies <c>index % RerankEvery == RerankEvery - 1</c>.</summary>
    public int RerankEvery { get; set; } = 5;

    /// <summary>A symbol whose latest ready features are older than this (market minutes) is left out of the ranking.</summary>
    public int MaxFeatureAgeMinutes { get; set; } = 5;

    /// <summary>Half-life of the per-ticker news sentiment, in market minutes.</summary>
    public int SentimentHalfLifeMinutes { get; set; } = 30;

    /// <summary>Decimal places each component is rounded to (the score is the sum of the rounded components).</summary>
    public int Decimals { get; set; } = 4;

    public decimal MomentumWeight { get; set; } = 30m;
    /// <summary>Blended |return| (0.6 x |return_15| + 0.4 x |return_5|) that earns the full momentum weight.</summary>
    public decimal MomentumFull { get; set; } = 0.008m;

    public decimal TrendWeight { get; set; } = 20m;
    /// <summary>|(SMA20 - SMA50) / SMA50| that earns the full trend weight.</summary>
    public decimal TrendFull { get; set; } = 0.004m;

    public decimal LiquidityWeight { get; set; } = 15m;
    /// <summary>vol_ratio that earns the full half of liquidity given to relative volume.</summary>
    public decimal VolRatioFull { get; set; } = 2.5m;
    /// <summary>Minute dollar volume (close x volume, USD) that earns the full half of liquidity given to dollar volume.</summary>
    public decimal DollarVolumeFull { get; set; } = 5_000_000m;

    public decimal VolatilityWeight { get; set; } = 10m;
    /// <summary>recent_vol (ATR14 / close per 1-minute bar) band that earns the full volatility weight.</summary>
    public decimal PreferredVolLow { get; set; } = 0.0006m;
    public decimal PreferredVolHigh { get; set; } = 0.0030m;

    public decimal NewsWeight { get; set; } = 15m;

    public decimal RewardRiskWeight { get; set; } = 10m;
    /// <summary>|return_15| in units of the 15-minute noise (recent_vol x sqrt 15) that earns the full weight.</summary>
    public decimal RewardRiskFull { get; set; } = 3m;
}
