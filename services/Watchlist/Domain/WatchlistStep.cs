using Tradewire.Contracts.Watchlist;

namespace Tradewire.Watchlist.Domain;

/// <summary>The outcome of one minute: the list as of the minute and whether it was recomputed on it.</summary>
public sealed record WatchlistStep(DateTimeOffset Minute, bool Reranked, DateTimeOffset? RankedAt, IReadOnlyList<WatchlistEntry> Entries);
