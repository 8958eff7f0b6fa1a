namespace Tradewire.Features.Domain;

/// <summary>
/// How many bars of a symbol each indicator needs before it has a value (counting the current bar). A symbol's
/// bars are its own bars, across sessions: minutes without a bar are not filled in, and the state carries over
/// from one session to the next (overnight gaps are part of the next return and true range).
/// </summary>
/// <remarks>
/// A return over k bars needs the close k bars back, so k + 1 bars. A true range needs the previous close, so
/// the first TR comes with bar 2 and ATR(14), the mean of the first 14 TRs, with bar 15. Realized volatility
/// needs 20 log returns, so 21 bars; the volume ratio needs 20 previous bars, so 21. SMA(50), and with it the
/// trend, needs 50: that is the longest, so a snapshot is <see cref="Ready"/> from bar 50 on (unless the volume
/// ratio is undefined because the previous 20 bars traded nothing).
/// </remarks>
public static class WarmUp
{
    public const int Sma20 = 20;
    public const int Sma50 = 50;
    public const int Trend = Sma50;
    public const int Atr14 = AtrPeriod + 1;
    public const int RecentVol = Atr14;
    public const int RealizedVol = RealizedVolWindow + 1;
    public const int VolRatio = VolumeWindow + 1;
    public const int Return1 = 2;
    public const int Return5 = 6;
    public const int Return15 = 16;

    /// <summary>Bars after which every indicator is warm.</summary>
    public const int Ready = Sma50;

    public const int AtrPeriod = 14;
    public const int RealizedVolWindow = 20;
    public const int VolumeWindow = 20;
}
