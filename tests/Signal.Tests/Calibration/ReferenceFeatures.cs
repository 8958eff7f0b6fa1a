using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// A test-side implementation of the features contract (see <see cref="SymbolFeatures"/> remarks) over one
/// symbol's bars, so the calibration session feeds the engines what the features service would: SMA20/50,
/// ATR14, recent_vol = ATR14 / close, realized_vol = stdev of the last 20 log returns, vol_ratio over the
/// previous 20 bars, trend = (SMA20 - SMA50) / SMA50, simple returns over 1, 5, 15 bars; ready at 50 bars.
/// </summary>
public sealed class ReferenceFeatures(string symbol)
{
    readonly List<Bar> bars = [];

    public SymbolFeatures Add(Bar bar)
    {
        bars.Add(bar);
        var n = bars.Count;
        var close = bar.Close;
        decimal? Sma(int k) => n >= k ? Math.Round(bars.Skip(n - k).Average(b => b.Close), 6) : null;
        decimal? Ret(int k) => n > k ? Math.Round(close / bars[n - 1 - k].Close - 1m, 6) : null;
        decimal? atr = null;
        if (n >= 15)
            atr = Math.Round(Enumerable.Range(n - 14, 14).Average(i =>
                Math.Max(bars[i].High - bars[i].Low, Math.Max(Math.Abs(bars[i].High - bars[i - 1].Close), Math.Abs(bars[i].Low - bars[i - 1].Close)))), 6);
        decimal? realized = null;
        if (n >= 21)
        {
            var logs = Enumerable.Range(n - 20, 20).Select(i => Math.Log((double)bars[i].Close / (double)bars[i - 1].Close)).ToList();
            var mean = logs.Average();
            realized = Math.Round((decimal)Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Count - 1)), 8);
        }
        decimal? volRatio = null;
        if (n >= 21)
        {
            var avg = bars.Skip(n - 21).Take(20).Average(b => (decimal)b.Volume);
            volRatio = avg > 0 ? Math.Round(bar.Volume / avg, 4) : null;
        }
        var sma20 = Sma(20);
        var sma50 = Sma(50);
        return new SymbolFeatures
        {
            Symbol = symbol,
            BarTs = bar.ClosedAt,
            Close = close,
            Volume = bar.Volume,
            BarCount = n,
            Ready = n >= 50,
            Sma20 = sma20,
            Sma50 = sma50,
            Atr14 = atr,
            RecentVol = atr is { } a ? Math.Round(a / close, 8) : null,
            RealizedVol = realized,
            VolRatio = volRatio,
            Trend = sma20 is { } s20 && sma50 is { } s50 ? Math.Round((s20 - s50) / s50, 6) : null,
            Return1 = Ret(1),
            Return5 = Ret(5),
            Return15 = Ret(15),
        };
    }
}
