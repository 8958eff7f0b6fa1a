namespace Tradewire.Ingest.Live;

/// <summary>
/// A live source of 1-minute bars (Alpaca Market Data API v2 in production, its local stand-in in tests):
/// a stream of bars as they are published, and a REST query for bars already published (the backfill).
/// </summary>
public interface IMarketDataFeed
{
    /// <summary>
    /// Connects, authenticates and subscribes to minute bars and updated bars of <paramref name="symbols"/>, then
    /// yields what arrives. A dropped connection yields <see cref="FeedDisconnected"/>, then the feed reconnects
    /// (backoff with jitter), authenticates and subscribes again and yields <see cref="FeedConnected"/>. Refusals
    /// (auth failed, connection limit) yield <see cref="FeedFault"/> and are retried with backoff too. Ends only
    /// when <paramref name="token"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<FeedEvent> Stream(IReadOnlyCollection<string> symbols, CancellationToken token);

    /// <summary>
    /// Every published 1-minute bar of <paramref name="symbols"/> whose minute starts in
    /// [<paramref name="start"/>, <paramref name="end"/>), all pages, ordered by symbol then minute.
    /// Throws <see cref="MarketDataException"/> when the source refuses or cannot answer after its retries.
    /// </summary>
    Task<IReadOnlyList<FeedBar>> Backfill(IReadOnlyCollection<string> symbols, DateTimeOffset start, DateTimeOffset end, CancellationToken token);
}
