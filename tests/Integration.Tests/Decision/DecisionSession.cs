using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;

namespace Tradewire.Integration.Tests.Decision;

/// <summary>
/// A deterministic 60-minute input for the decision services: 8 ready symbols whose features oscillate, with
/// breakout (AAA, minutes 20-40) and breakdown (BBB, minutes 25-45) stretches and two news items, so the
/// watchlist ranks and the signal engine fires.
/// </summary>
public static class DecisionSession
{
    static readonly string[] Symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"];

    public static IReadOnlyList<(FeaturesComputed Features, NewsClassified News)> Build(DateOnly date, DateTimeOffset open, int minutes = 60)
    {
        var result = new List<(FeaturesComputed, NewsClassified)>();
        for (var i = 0; i < minutes; i++)
        {
            var minute = open.AddMinutes(i);
            var symbols = Symbols.Select((s, k) => Snapshot(s, k, i, minute)).ToList();
            IReadOnlyList<ClassifiedNewsItem> items = i switch
            {
                10 => [Item(1, "CCC", 0.9m, minute)],
                30 => [Item(2, "DDD", -0.8m, minute)],
                _ => [],
            };
            result.Add((new FeaturesComputed { SessionDate = date, Minute = minute, Symbols = symbols },
                        new NewsClassified { SessionDate = date, Minute = minute, Items = items }));
        }
        return result;
    }

    static SymbolFeatures Snapshot(string symbol, int k, int i, DateTimeOffset minute)
    {
        var wave = (decimal)Math.Round(Math.Sin(i / 6.0 + k), 4);
        decimal r15 = 0.003m * wave, r5 = 0.001m * wave, trend = 0.0006m * wave, volRatio = 1.0m + 0.3m * k / 7m;
        if (symbol == "AAA" && i is >= 20 and <= 40) (r15, r5, trend, volRatio) = (0.009m, 0.003m, 0.002m, 2.3m);
        if (symbol == "BBB" && i is >= 25 and <= 45) (r15, r5, trend, volRatio) = (-0.01m, -0.004m, -0.003m, 2.6m);
        if (symbol is "CCC" && i is >= 11 and <= 20) r5 = 0.004m;
        if (symbol is "DDD" && i is >= 31 and <= 40) r5 = -0.004m;
        var close = 50m + 10m * k + wave;
        var sma20 = close - Math.Sign(r15) * 0.2m;
        return new SymbolFeatures
        {
            Symbol = symbol, BarTs = minute.AddMinutes(1), Close = close, Volume = 20_000 + 1_000 * k, BarCount = 60 + i, Ready = true,
            Sma20 = sma20, Sma50 = close, Atr14 = Math.Round(close * 0.001m, 6), RecentVol = 0.001m, RealizedVol = 0.0008m,
            VolRatio = volRatio, Trend = trend, Return1 = r5 / 5m, Return5 = r5, Return15 = r15,
        };
    }

    static ClassifiedNewsItem Item(int n, string ticker, decimal score, DateTimeOffset minute) => new()
    {
        NewsId = new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]), Title = $"{ticker} news {n}", PublishedAt = minute, Tickers = [ticker],
        Score = score, Label = score > 0 ? "bullish" : "bearish", Confidence = 1m, ModelVersion = "test",
    };
}
