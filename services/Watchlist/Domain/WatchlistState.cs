using Tradewire.Contracts.Features;
using Tradewire.Contracts.Watchlist;

namespace Tradewire.Watchlist.Domain;

/// <summary>
/// Everything the watchlist carries from one minute to the next, for one session: the latest features per
/// symbol, the decayed sentiment per ticker and the current ranking. Persisted as JSON after every minute, so a
/// restarted service continues exactly where it stopped.
/// </summary>
public sealed record WatchlistState
{
    public DateTimeOffset? LastMinute { get; init; }
    public IReadOnlyDictionary<string, SymbolFeatures> Features { get; init; } = new Dictionary<string, SymbolFeatures>();
    public IReadOnlyDictionary<string, decimal> Sentiment { get; init; } = new Dictionary<string, decimal>();
    public DateTimeOffset? RankedAt { get; init; }
    public IReadOnlyList<WatchlistEntry> Entries { get; init; } = [];
}
