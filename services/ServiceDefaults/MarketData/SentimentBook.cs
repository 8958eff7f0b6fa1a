using Tradewire.Contracts.News;

namespace Tradewire.ServiceDefaults.MarketData;

/// <summary>
/// Decayed news sentiment per ticker, in [-1, 1] (one definition for the watchlist and the signal engine). Each market minute every value is multiplied by
/// <c>0.5^(1 / half-life)</c> and rounded to 6 places (so the state is exact decimal and replays identically);
/// then each classified item adds <c>score x confidence</c> to every ticker it mentions, clamped to [-1, 1].
/// Values below 0.0001 in magnitude are dropped.
/// </summary>
public sealed class SentimentBook
{
    readonly SortedDictionary<string, decimal> values = new(StringComparer.Ordinal);
    readonly decimal decay;

    public SentimentBook(int halfLifeMinutes, IEnumerable<KeyValuePair<string, decimal>>? initial = null)
    {
        decay = halfLifeMinutes <= 0 ? 0m : Math.Round((decimal)Math.Pow(0.5, 1.0 / halfLifeMinutes), 8);
        foreach (var (k, v) in initial ?? [])
            values[k] = v;
    }

    public decimal Of(string ticker) => values.GetValueOrDefault(ticker);

    public IReadOnlyDictionary<string, decimal> Snapshot() => new SortedDictionary<string, decimal>(values, StringComparer.Ordinal);

    /// <summary>Advances one market minute: decay first, then the minute's items.</summary>
    public void Step(IEnumerable<ClassifiedNewsItem> items)
    {
        foreach (var ticker in values.Keys.ToList())
        {
            var v = Math.Round(values[ticker] * decay, 6);
            if (Math.Abs(v) < 0.0001m) values.Remove(ticker);
            else values[ticker] = v;
        }
        // Items in NewsId order so the sum is independent of the order the classifier listed them.
        foreach (var item in items.OrderBy(i => i.NewsId))
            foreach (var ticker in item.Tickers.Select(t => t.Trim().ToUpperInvariant()).Distinct())
                values[ticker] = Math.Clamp(Math.Round(values.GetValueOrDefault(ticker) + item.Score * item.Confidence, 6), -1m, 1m);
    }
}
