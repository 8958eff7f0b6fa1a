namespace Tradewire.Signal.Domain;

/// <summary>
/// Tunables of the signal engine (configuration section <c>Signal</c>). Returns and volatilities are fractions
/// (0.004 = 0.4 %), trend is <c>(SMA20 - SMA50) / SMA50</c>, sentiment is in [-1, 1]. Defaults are calibrated on
/// the seeded 40-symbol sessions of the calibration test, the sample session and real SPY minute bars (see
/// tests/Signal.Tests and docs/strategy-on-real-markets.md).
/// </summary>
public sealed class SignalOptions
{
    /// <summary>Market minutes before the same rule may fire again on the same ticker.</summary>
    public int CooldownMinutes { get; set; } = 15;
    public int SentimentHalfLifeMinutes { get; set; } = 30;

    /// <summary>Decimal places of a confidence.</summary>
    public int ConfidenceDecimals { get; set; } = 4;
    public decimal MaxConfidence { get; set; } = 0.95m;

    public BreakoutRuleOptions Breakout { get; set; } = new();
    public NewsRuleOptions News { get; set; } = new();
    public PremiumRuleOptions Premium { get; set; } = new();
}

/// <summary>
/// momentum_breakout (BUY_CALL) and its mirror momentum_breakdown (BUY_PUT). Moves are measured in units of the
/// symbol's own recent_vol (ATR14 / close, the typical one-minute range), not as fixed fractions, so that a
/// "breakout" means the same on a quiet index and on a volatile single stock: in ATR units real SPY minute bars and
/// the synthetic sample session have much the same distribution of moves (see docs/strategy-on-real-markets.md).
/// </summary>
public sealed class BreakoutRuleOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Minimum 15-minute return in the direction, in ATRs (return_15 / recent_vol).</summary>
    public decimal MinMove15 { get; set; } = 3.0m;
    /// <summary>Minimum 5-minute return in the direction, in ATRs: the move is still going.</summary>
    public decimal MinMove5 { get; set; } = 1.0m;
    /// <summary>Minimum trend (SMA20 - SMA50) / SMA50 in the direction, in ATRs: the breakout leaves a trend, not noise.</summary>
    public decimal MinTrend { get; set; } = 1.0m;
    public decimal MinVolRatio { get; set; } = 1.5m;

    /// <summary>Confidence = Base + each weight x its strength (each strength in [0, 1]).</summary>
    public decimal BaseConfidence { get; set; } = 0.40m;
    public decimal Move15Weight { get; set; } = 0.15m;
    /// <summary>ATRs of 15-minute move above the minimum that earn the full move weight.</summary>
    public decimal Move15Span { get; set; } = 2.0m;
    public decimal VolumeWeight { get; set; } = 0.15m;
    /// <summary>vol_ratio above the minimum that earns the full volume weight.</summary>
    public decimal VolRatioSpan { get; set; } = 1.5m;
    public decimal TrendWeight { get; set; } = 0.10m;
    /// <summary>ATRs of trend above the minimum that earn the full trend weight.</summary>
    public decimal TrendSpan { get; set; } = 2.0m;
    /// <summary>Added in proportion to news sentiment in the trade's direction (subtracted when against it).</summary>
    public decimal SentimentWeight { get; set; } = 0.10m;
}

/// <summary>news_momentum: strong decayed sentiment with a confirming 5-minute return; BUY_STOCK when bullish, BUY_PUT when bearish.</summary>
public sealed class NewsRuleOptions
{
    public bool Enabled { get; set; } = true;
    public decimal MinSentiment { get; set; } = 0.45m;
    public decimal MinReturn5 { get; set; } = 0.0015m;
    public decimal BaseConfidence { get; set; } = 0.34m;
    public decimal SentimentWeight { get; set; } = 0.30m;
    public decimal Return5Weight { get; set; } = 0.20m;
    public decimal Return5Span { get; set; } = 0.006m;
}

/// <summary>
/// range_premium (SELL_PREMIUM on a PUT): a flat, quiet tape whose bars are wide relative to their close-to-close
/// moves. With no option chain, the implied-volatility proxy is recent_vol / realized_vol (ATR-based range over
/// close-to-close volatility): high means rich intrabar ranges a premium seller collects against.
/// </summary>
public sealed class PremiumRuleOptions
{
    public bool Enabled { get; set; } = true;
    public decimal MaxAbsTrend { get; set; } = 0.0004m;
    public decimal MaxAbsReturn15 { get; set; } = 0.0008m;
    public decimal MinIvProxy { get; set; } = 1.8m;
    public decimal MaxVolRatio { get; set; } = 1.0m;
    public decimal BaseConfidence { get; set; } = 0.40m;
    public decimal IvWeight { get; set; } = 0.30m;
    public decimal IvSpan { get; set; } = 1.5m;
}
