using Tradewire.Contracts.Watchlist;

namespace Tradewire.Watchlist.Domain;

/// <summary>
/// Ranks scored symbols: score descending, ties broken by symbol in ordinal (byte) order ascending, so the
/// same inputs always give the same list; keeps the top N and numbers them from 1.
/// </summary>
public static class WatchlistRanker
{
    public static IReadOnlyList<WatchlistEntry> Rank(IEnumerable<ScoredSymbol> scored, int topN) =>
        scored.OrderByDescending(s => s.Score)
              .ThenBy(s => s.Symbol, StringComparer.Ordinal)
              .Take(Math.Max(0, topN))
              .Select((s, i) => new WatchlistEntry { Rank = i + 1, Symbol = s.Symbol, Score = s.Score, Attribution = s.Attribution })
              .ToList();
}
