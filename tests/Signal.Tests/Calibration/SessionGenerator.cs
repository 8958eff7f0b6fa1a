using System.Globalization;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// A realistic, seeded session for calibration: the 40-symbol universe (data/universe.csv base prices and
/// volumes), a GBM random walk per symbol (1-minute sigma 0.05 % to 0.14 %), a U-shaped intraday volume curve with
/// log-normal noise, a few persistently trending symbols, short momentum episodes (drift plus volume) that start
/// at random or after a news item, and about 20 classified news items. Same seed, same session.
/// </summary>
public static class SessionGenerator
{
    public sealed record Symbol(string Name, decimal BasePrice, long AvgMinuteVolume);

    public static SyntheticSession Generate(int seed, DateOnly date, int trendingSymbols = 6, int newsItems = 20)
    {
        var session = new NyseCalendar().GetSession(date) ?? throw new ArgumentException($"{date} is not a trading day.");
        var rng = new Random(seed);
        var universe = LoadUniverse();
        var n = session.Minutes;

        // Per symbol: sigma, wick factor (bar range vs move), persistent drift.
        var sigma = universe.Select(_ => 0.0005 + 0.0009 * rng.NextDouble()).ToArray();
        var wick = universe.Select(_ => 0.3 + 1.5 * rng.NextDouble()).ToArray();
        var drift = new double[universe.Count];
        foreach (var i in Enumerable.Range(0, universe.Count).OrderBy(_ => rng.Next()).Take(trendingSymbols))
            drift[i] = (rng.Next(2) == 0 ? -1 : 1) * (0.00008 + 0.0001 * rng.NextDouble());

        // Episodes: (start, length, drift, volume multiplier) per symbol; news items start some of them.
        var episodeDrift = new double[universe.Count, n];
        var episodeVolume = new double[universe.Count, n];
        for (var s = 0; s < universe.Count; s++)
            for (var m = 0; m < n; m++)
                episodeVolume[s, m] = 1.0;
        void Episode(int s, int start, int sign)
        {
            var length = 10 + rng.Next(30);
            var d = sign * (0.0003 + 0.0005 * rng.NextDouble()) * sigma[s] / 0.001;
            var v = 1.5 + 2.0 * rng.NextDouble();
            for (var m = start; m < Math.Min(n, start + length); m++)
            {
                episodeDrift[s, m] += d;
                episodeVolume[s, m] *= v;
            }
        }
        var news = Enumerable.Range(0, n).Select(_ => new List<ClassifiedNewsItem>()).ToArray();
        for (var k = 0; k < newsItems; k++)
        {
            var s = rng.Next(universe.Count);
            var m = rng.Next(n);
            var sign = rng.Next(2) == 0 ? -1 : 1;
            var score = sign * (decimal)Math.Round(0.4 + 0.55 * rng.NextDouble(), 3);
            news[m].Add(new ClassifiedNewsItem
            {
                NewsId = new Guid(rng.Next(), (short)k, (short)s, 1, 2, 3, 4, 5, 6, 7, 8),
                Title = $"{universe[s].Name} headline {k}",
                PublishedAt = session.OpenUtc.AddMinutes(m),
                Tickers = [universe[s].Name],
                Score = score,
                Label = sign > 0 ? "bullish" : "bearish",
                Confidence = (decimal)Math.Round(0.6 + 0.35 * rng.NextDouble(), 3),
                ModelVersion = "calibration",
            });
            if (rng.NextDouble() < 0.6)
                Episode(s, m, sign);
        }
        for (var s = 0; s < universe.Count; s++)
            for (var m = 0; m < n; m++)
                if (rng.NextDouble() < 0.0025)
                    Episode(s, m, rng.Next(2) == 0 ? -1 : 1);

        var features = universe.Select(u => new ReferenceFeatures(u.Name)).ToArray();
        var price = universe.Select(u => (double)u.BasePrice).ToArray();
        var minutes = new List<SyntheticMinute>();
        for (var m = 0; m < n; m++)
        {
            var minute = session.OpenUtc.AddMinutes(m);
            var x = (m - (n - 1) / 2.0) / ((n - 1) / 2.0);
            var shape = 0.55 + 1.6 * x * x;
            var computed = new List<SymbolFeatures>();
            for (var s = 0; s < universe.Count; s++)
            {
                var r = drift[s] + episodeDrift[s, m] + sigma[s] * Normal(rng);
                var open = price[s];
                var close = open * Math.Exp(r);
                var high = Math.Max(open, close) * (1 + Math.Abs(Normal(rng)) * sigma[s] * wick[s]);
                var low = Math.Min(open, close) * (1 - Math.Abs(Normal(rng)) * sigma[s] * wick[s]);
                price[s] = close;
                var volume = (long)(universe[s].AvgMinuteVolume * shape * episodeVolume[s, m] * Math.Exp(0.35 * Normal(rng) - 0.06));
                var bar = new Bar
                {
                    Symbol = universe[s].Name, Minute = minute,
                    Open = Cents(open), High = Cents(high), Low = Cents(low), Close = Cents(close), Volume = Math.Max(volume, 1),
                };
                computed.Add(features[s].Add(bar));
            }
            minutes.Add(new SyntheticMinute(minute,
                new FeaturesComputed { SessionDate = date, Minute = minute, Symbols = computed.OrderBy(f => f.Symbol, StringComparer.Ordinal).ToList() },
                new NewsClassified { SessionDate = date, Minute = minute, Items = news[m] }));
        }
        return new SyntheticSession(session, minutes);
    }

    static decimal Cents(double value) => Math.Round((decimal)value, 2);

    static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

    public static IReadOnlyList<Symbol> LoadUniverse()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "data", "universe.csv")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new FileNotFoundException("data/universe.csv not found above the test directory."), "data", "universe.csv");
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => new Symbol(c[0], decimal.Parse(c[5], CultureInfo.InvariantCulture), long.Parse(c[6], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
