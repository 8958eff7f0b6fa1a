using Tradewire.Contracts.Market;

namespace Tradewire.Features.Tests.Support;

/// <summary>
/// The indicators computed the plain way, from the full history up to bar <c>i</c> (0-based), with no state and
/// no running sums: what the incremental engine must agree with. Volatility is computed in double (two-pass).
/// </summary>
static class Reference
{
    public static decimal? Sma(IReadOnlyList<Bar> bars, int i, int n) =>
        i + 1 < n ? null : bars.Skip(i + 1 - n).Take(n).Sum(b => b.Close) / n;

    public static decimal TrueRange(IReadOnlyList<Bar> bars, int j)
    {
        var prev = bars[j - 1].Close;
        var b = bars[j];
        return new[] { b.High - b.Low, Math.Abs(b.High - prev), Math.Abs(b.Low - prev) }.Max();
    }

    /// <summary>Wilder's ATR(14): TRs from bar 1 (each needs the previous close); seed = mean of the first 14.</summary>
    public static decimal? Atr14(IReadOnlyList<Bar> bars, int i)
    {
        if (i < 14)
            return null;
        var atr = Enumerable.Range(1, 14).Sum(j => TrueRange(bars, j)) / 14;
        for (var j = 15; j <= i; j++)
            atr = (atr * 13 + TrueRange(bars, j)) / 14;
        return atr;
    }

    public static double? RealizedVol(IReadOnlyList<Bar> bars, int i)
    {
        if (i < 20)
            return null;
        var returns = Enumerable.Range(i - 19, 20).Select(j => Math.Log((double)bars[j].Close / (double)bars[j - 1].Close)).ToList();
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 19);
    }

    public static decimal? VolRatio(IReadOnlyList<Bar> bars, int i)
    {
        if (i < 20)
            return null;
        var mean = bars.Skip(i - 20).Take(20).Average(b => (decimal)b.Volume);
        return mean == 0 ? null : bars[i].Volume / mean;
    }

    public static decimal? Return(IReadOnlyList<Bar> bars, int i, int k) =>
        i < k ? null : bars[i].Close / bars[i - k].Close - 1;
}
