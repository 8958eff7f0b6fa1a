namespace Tradewire.Contracts.Features;

/// <summary>
/// Indicators of one symbol after the bar of one minute. Nullable values are null until their indicator has
/// enough bars; <see cref="Ready"/> is true only when every indicator is warm, and downstream must not use a
/// snapshot that is not ready.
/// </summary>
/// <remarks>
/// Units: prices in USD; <see cref="RecentVol"/> is ATR(14) divided by the close (a fraction of price per
/// 1-minute bar), so the dispatcher's stop distance <c>entry x recent_vol x 2.0</c> equals 2 x ATR(14);
/// <see cref="RealizedVol"/> is the standard deviation of the last 20 one-minute log returns (a fraction);
/// <see cref="VolRatio"/> is the bar's volume over the mean volume of the previous 20 bars; <see cref="Trend"/>
/// is <c>(SMA20 - SMA50) / SMA50</c>; returns are simple returns over 1, 5 and 15 bars.
/// </remarks>
public sealed record SymbolFeatures
{
    public required string Symbol { get; init; }

    /// <summary>Close time of the bar the features were computed on (bar minute + 1 min), UTC.</summary>
    public required DateTimeOffset BarTs { get; init; }

    public required decimal Close { get; init; }
    public required long Volume { get; init; }
    public required int BarCount { get; init; }
    public required bool Ready { get; init; }
    public decimal? Sma20 { get; init; }
    public decimal? Sma50 { get; init; }
    public decimal? Atr14 { get; init; }
    public decimal? RecentVol { get; init; }
    public decimal? RealizedVol { get; init; }
    public decimal? VolRatio { get; init; }
    public decimal? Trend { get; init; }
    public decimal? Return1 { get; init; }
    public decimal? Return5 { get; init; }
    public decimal? Return15 { get; init; }
}
