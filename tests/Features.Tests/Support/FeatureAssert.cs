using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;

namespace Tradewire.Features.Tests.Support;

/// <summary>Checks one snapshot against <see cref="Reference"/> computed from the full history.</summary>
static class FeatureAssert
{
    public static void MatchesReference(IReadOnlyList<Bar> bars, int i, SymbolFeatures f)
    {
        var at = $"bar {i + 1} ({bars[i].Minute:O})";
        Assert.Equal(i + 1, f.BarCount);
        Assert.Equal(bars[i].Close, f.Close);
        Assert.Equal(bars[i].Minute.AddMinutes(1), f.BarTs);
        var sma20 = Reference.Sma(bars, i, 20);
        var sma50 = Reference.Sma(bars, i, 50);
        var atr = Reference.Atr14(bars, i);
        Approx.Equal(sma20, f.Sma20, Approx.Price, "sma20 at " + at);
        Approx.Equal(sma50, f.Sma50, Approx.Price, "sma50 at " + at);
        Approx.Equal(atr, f.Atr14, Approx.Price, "atr14 at " + at);
        Approx.Equal(atr / bars[i].Close, f.RecentVol, Approx.Fraction, "recent_vol at " + at);
        Approx.Equal(Reference.RealizedVol(bars, i), f.RealizedVol, Approx.Fraction, "realized_vol at " + at);
        Approx.Equal(Reference.VolRatio(bars, i), f.VolRatio, Approx.Fraction, "vol_ratio at " + at);
        Approx.Equal(sma50 is null ? null : (sma20 - sma50) / sma50, f.Trend, Approx.Fraction, "trend at " + at);
        Approx.Equal(Reference.Return(bars, i, 1), f.Return1, Approx.Fraction, "return_1 at " + at);
        Approx.Equal(Reference.Return(bars, i, 5), f.Return5, Approx.Fraction, "return_5 at " + at);
        Approx.Equal(Reference.Return(bars, i, 15), f.Return15, Approx.Fraction, "return_15 at " + at);
        Assert.Equal(i + 1 >= 50, f.Ready);
    }
}
