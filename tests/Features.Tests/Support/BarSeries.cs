using Tradewire.Contracts.Market;

namespace Tradewire.Features.Tests.Support;

/// <summary>Builds bar series for tests: a seeded random walk (reproducible), one bar per minute.</summary>
static class BarSeries
{
    public static readonly DateTimeOffset Start = new(2025, 3, 17, 13, 30, 0, TimeSpan.Zero);

    public static List<Bar> RandomWalk(int count, int seed, string symbol = "TEST", decimal startPrice = 100m)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(count);
        var close = startPrice;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Max(1m, Math.Round(open * (1m + (decimal)(random.NextDouble() - 0.5) * 0.004m), 2));
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 0.15m, 2);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 0.15m, 2);
            bars.Add(Bar(symbol, Start.AddMinutes(i), open, high, low, close, random.Next(0, 50_000)));
        }
        return bars;
    }

    public static Bar Bar(string symbol, DateTimeOffset minute, decimal open, decimal high, decimal low, decimal close, long volume) =>
        new() { Symbol = symbol, Minute = minute, Open = open, High = high, Low = low, Close = close, Volume = volume };
}
