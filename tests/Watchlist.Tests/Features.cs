using Tradewire.Contracts.Features;

namespace Tradewire.Watchlist.Tests;

/// <summary>Hand-made ready feature snapshots for the tests.</summary>
static class Features
{
    public static readonly DateTimeOffset Open = new(2026, 3, 10, 13, 30, 0, TimeSpan.Zero);

    public static SymbolFeatures Ready(string symbol, DateTimeOffset minute, decimal return15 = 0.004m, decimal return5 = 0.002m,
        decimal trend = 0.002m, decimal volRatio = 1.5m, decimal recentVol = 0.001m, decimal close = 100m, long volume = 20_000,
        bool ready = true) => new()
    {
        Symbol = symbol, BarTs = minute.AddMinutes(1), Close = close, Volume = volume, BarCount = 60, Ready = ready,
        Sma20 = close, Sma50 = close, Atr14 = close * recentVol, RecentVol = recentVol, RealizedVol = recentVol / 1.5m,
        VolRatio = volRatio, Trend = trend, Return1 = 0.0005m, Return5 = return5, Return15 = return15,
    };
}
