namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The market regime of a symbol at a decision, from the features service's indicators on the decision's bar:
/// <list type="bullet">
/// <item>trend = (SMA20 - SMA50) / SMA50: <c>UP</c> at or above +<see cref="TrendBand"/>, <c>DOWN</c> at or below
/// -<see cref="TrendBand"/>, else <c>FLAT</c>;</item>
/// <item>volatility = recent_vol (ATR14 over the close) against its median over the symbol's ready bars of the same
/// session up to and including the decision's (no look-ahead): <c>HIGH_VOL</c> at or above <see cref="HighVol"/> x the median, <c>LOW_VOL</c> at or
/// below <see cref="LowVol"/> x, else <c>NORMAL_VOL</c>.</item>
/// </list>
/// The label is the two joined, for example <c>UP/HIGH_VOL</c>.
/// </summary>
public static class Regime
{
    /// <summary>0.1 %: SMA20 this far above or below SMA50 on 1-minute bars is a trend, closer is noise.</summary>
    public const decimal TrendBand = 0.001m;

    public const decimal HighVol = 1.5m, LowVol = 0.67m;

    /// <summary>The label, or null and why (the features were not warm yet, or the session median is not positive).</summary>
    public static (string? Label, decimal? VolVsMedian, string? Why) Classify(decimal? trend, decimal? recentVol, decimal? sessionMedianVol)
    {
        if (trend is not { } t || recentVol is not { } v)
            return (null, null, "FEATURES_NOT_READY");
        if (sessionMedianVol is not { } median || median <= 0)
            return (null, null, "NO_SESSION_VOL_MEDIAN");
        var ratio = Math.Round(v / median, 4);
        var direction = t >= TrendBand ? "UP" : t <= -TrendBand ? "DOWN" : "FLAT";
        var vol = ratio >= HighVol ? "HIGH_VOL" : ratio <= LowVol ? "LOW_VOL" : "NORMAL_VOL";
        return ($"{direction}/{vol}", ratio, null);
    }
}
