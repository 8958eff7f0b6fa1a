using Tradewire.Contracts.News;

namespace Tradewire.ServiceDefaults.MarketData;

/// <summary>
/// Decayed news sentiment per ticker, in [-1, 1] (one definition for the watchlist and the signal engine). Each minute (of time: the night between sessions counts) every value is multiplied by
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

    /// <summary>
    /// Advances to the next minute: decay first, once per minute elapsed since the previous step, then the minute's
    /// items. Within a session the step is one minute; from one session's last minute to the next session's first
    /// the night elapses too, so yesterday's news has decayed away by today's open instead of greeting it at full
    /// strength (the same result as stepping through every minute of the night without news).
    /// </summary>
    public void Step(IEnumerable<ClassifiedNewsItem> items, long minutesElapsed = 1)
    {
        for (var m = 0L; m < minutesElapsed && values.Count > 0; m++)
            Decay();
        // Items in NewsId order so the sum is independent of the order the classifier listed them.
        foreach (var item in items.OrderBy(i => i.NewsId))
            foreach (var ticker in item.Tickers.Select(t => t.Trim().ToUpperInvariant()).Distinct())
                values[ticker] = Math.Clamp(Math.Round(values.GetValueOrDefault(ticker) + item.Score * item.Confidence, 6), -1m, 1m);
    }

    void Decay()
    {
        foreach (var ticker in values.Keys.ToList())
        {
            var v = Math.Round(values[ticker] * decay, 6);
            if (Math.Abs(v) < 0.0001m) values.Remove(ticker);
            else values[ticker] = v;
        }
    }
}
