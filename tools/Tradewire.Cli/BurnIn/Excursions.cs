namespace Tradewire.Cli.BurnIn;

/// <summary>Maximum adverse and favourable excursion of a position over a run of bars, in R.</summary>
public static class Excursions
{
    public sealed record BarRange(DateTimeOffset Minute, decimal High, decimal Low);

    /// <summary>
    /// For a long, adverse = entry - lowest low, favourable = highest high - entry; mirrored for a short.
    /// Both are clamped at zero (a trade that never went against you has MAE 0) and divided by the risk per share.
    /// </summary>
    public static (decimal MaeR, decimal MfeR) Of(string side, decimal entry, decimal riskPerShare, IReadOnlyCollection<BarRange> bars)
    {
        if (bars.Count == 0 || riskPerShare <= 0)
            return (0, 0);
        var high = bars.Max(b => b.High);
        var low = bars.Min(b => b.Low);
        var (adverse, favourable) = side == "BUY" ? (entry - low, high - entry) : (high - entry, entry - low);
        return (Math.Round(Math.Max(0, adverse) / riskPerShare, 3), Math.Round(Math.Max(0, favourable) / riskPerShare, 3));
    }
}
