using Tradewire.ServiceDefaults.MarketData;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;

namespace Tradewire.Watchlist.Domain;

/// <summary>
/// The watchlist's per-minute logic, pure: feed it each session minute in order with that minute's features and
/// classified news; it returns the list as of the minute. It reranks on the minutes whose index since the open
/// (0 = the minute starting 9:30 ET) satisfies <c>index % 5 == 4</c>: the minutes ending at 9:35, 9:40, ... 16:00.
/// The ranking universe is every symbol whose latest features are ready and at most
/// <see cref="WatchlistOptions.MaxFeatureAgeMinutes"/> old at the minute's close. A session's minutes before its
/// first rerank publish an empty list (never the previous session's ranks); features carry over from earlier
/// sessions as the features service computes them, and news sentiment decays through the night.
/// </summary>
public sealed class WatchlistEngine
{
    readonly WatchlistOptions options;
    readonly WatchlistScorer scorer;
    readonly SortedDictionary<string, SymbolFeatures> features = new(StringComparer.Ordinal);
    readonly SentimentBook sentiment;
    WatchlistState state;

    public WatchlistEngine(WatchlistOptions options, WatchlistState? state = null)
    {
        this.options = options;
        scorer = new WatchlistScorer(options);
        // Attribution keys in component order whatever order the stored JSON (jsonb) kept, so a list carried
        // across a restart serializes byte for byte like one computed in memory.
        state ??= new WatchlistState();
        this.state = state with { Entries = state.Entries.Select(e => e with { Attribution = Canonical(e.Attribution) }).ToList() };
        foreach (var (k, v) in this.state.Features) features[k] = v;
        sentiment = new SentimentBook(options.SentimentHalfLifeMinutes, this.state.Sentiment);
    }

    public WatchlistState State => state;

    static IReadOnlyDictionary<string, decimal> Canonical(IReadOnlyDictionary<string, decimal> attribution)
    {
        var ordered = new Dictionary<string, decimal>();
        foreach (var key in ScoreComponents.All.Where(attribution.ContainsKey).Concat(attribution.Keys.Except(ScoreComponents.All).Order(StringComparer.Ordinal)))
            ordered[key] = attribution[key];
        return ordered;
    }

    /// <summary>True on the minutes the list is recomputed (see the class remarks).</summary>
    public static bool IsRerankMinute(DateTimeOffset sessionOpen, DateTimeOffset minute, int every) =>
        every > 0 && (long)(minute - sessionOpen).TotalMinutes % every == every - 1;

    /// <exception cref="InvalidOperationException">The minute is not after the last one handled.</exception>
    public WatchlistStep Step(DateTimeOffset sessionOpen, DateTimeOffset minute, FeaturesComputed computed, NewsClassified news)
    {
        if (state.LastMinute is { } last && minute <= last)
            throw new InvalidOperationException($"Minute {minute:O} is not after the last handled minute {last:O}.");
        foreach (var f in computed.Symbols)
            features[f.Symbol] = f;
        sentiment.Step(news.Items, state.LastMinute is { } previous ? (long)(minute - previous).TotalMinutes : 1);

        var reranked = IsRerankMinute(sessionOpen, minute, options.RerankEvery);
        // Yesterday's ranking is not today's: a new session starts with an empty list until its first rerank.
        var newSession = state.LastMinute is { } before && before < sessionOpen;
        IReadOnlyList<Tradewire.Contracts.Watchlist.WatchlistEntry> entries = newSession ? [] : state.Entries;
        var rankedAt = newSession ? null : state.RankedAt;
        if (reranked)
        {
            var oldest = minute.AddMinutes(1 - options.MaxFeatureAgeMinutes);
            var scored = features.Values
                .Where(f => f.Ready && f.BarTs >= oldest)
                .Select(f => scorer.Score(f, sentiment.Of(f.Symbol)));
            entries = WatchlistRanker.Rank(scored, options.TopN);
            rankedAt = minute;
        }
        state = new WatchlistState
        {
            LastMinute = minute,
            Features = new SortedDictionary<string, SymbolFeatures>(features, StringComparer.Ordinal),
            Sentiment = sentiment.Snapshot(),
            RankedAt = rankedAt,
            Entries = entries,
        };
        return new WatchlistStep(minute, reranked, rankedAt, entries);
    }
}
