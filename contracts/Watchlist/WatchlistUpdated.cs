namespace Tradewire.Contracts.Watchlist;

/// <summary>
/// Event: the watchlist as of one market minute. Published every session minute so downstream can join it
/// with the minute's features; the ranking itself is recomputed every 5 market minutes
/// (<see cref="Reranked"/> true) and carried unchanged in between.
/// </summary>
public sealed record WatchlistUpdated
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }
    public required bool Reranked { get; init; }

    /// <summary>When the carried ranking was computed (a minute of this session), null before the first.</summary>
    public DateTimeOffset? RankedAt { get; init; }

    /// <summary>Top N by score, rank 1 first.</summary>
    public required IReadOnlyList<WatchlistEntry> Entries { get; init; }
}
