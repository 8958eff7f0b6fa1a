using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Watchlist;

namespace Tradewire.Signal.Tests;

/// <summary>Hand-made inputs for the rule and engine tests.</summary>
static class Snapshots
{
    public static readonly DateOnly Date = new(2026, 3, 10);
    public static readonly DateTimeOffset Open = new(2026, 3, 10, 13, 30, 0, TimeSpan.Zero);

    /// <summary>A quiet, ready snapshot; override what a test needs.</summary>
    public static SymbolFeatures Quiet(string symbol, DateTimeOffset minute) => new()
    {
        Symbol = symbol, BarTs = minute.AddMinutes(1), Close = 100m, Volume = 10_000, BarCount = 80, Ready = true,
        Sma20 = 100m, Sma50 = 100m, Atr14 = 0.1m, RecentVol = 0.001m, RealizedVol = 0.0008m, VolRatio = 1.1m,
        Trend = 0.0002m, Return1 = 0m, Return5 = 0.0002m, Return15 = 0.001m,
    };

    public static SymbolFeatures Breakout(string symbol, DateTimeOffset minute) => Quiet(symbol, minute) with
    {
        Close = 101m, Sma20 = 100.5m, Return15 = 0.009m, Return5 = 0.003m, Trend = 0.002m, VolRatio = 2.2m,
    };

    public static SymbolFeatures Breakdown(string symbol, DateTimeOffset minute) => Quiet(symbol, minute) with
    {
        Close = 99m, Sma20 = 99.5m, Return15 = -0.009m, Return5 = -0.003m, Trend = -0.002m, VolRatio = 2.2m,
    };

    public static SymbolFeatures Range(string symbol, DateTimeOffset minute) => Quiet(symbol, minute) with
    {
        Trend = 0.0001m, Return15 = 0.0003m, VolRatio = 0.8m, RecentVol = 0.0015m, RealizedVol = 0.0006m,
    };

    public static FeaturesComputed Computed(DateTimeOffset minute, params SymbolFeatures[] symbols) =>
        new() { SessionDate = Date, Minute = minute, Symbols = symbols };

    public static NewsClassified News(DateTimeOffset minute, params (string Ticker, decimal Score)[] items) => new()
    {
        SessionDate = Date, Minute = minute,
        Items = items.Select((x, i) => new ClassifiedNewsItem
        {
            NewsId = new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), Title = "t", PublishedAt = minute, Tickers = [x.Ticker],
            Score = x.Score, Label = x.Score > 0 ? "bullish" : "bearish", Confidence = 1m, ModelVersion = "m",
        }).ToList(),
    };

    public static WatchlistUpdated Watchlist(DateTimeOffset minute, params string[] symbols) => new()
    {
        SessionDate = Date, Minute = minute, Reranked = false, RankedAt = Open,
        Entries = symbols.Select((s, i) => new WatchlistEntry { Rank = i + 1, Symbol = s, Score = 1m, Attribution = new Dictionary<string, decimal>() }).ToList(),
    };
}
