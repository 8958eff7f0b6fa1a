namespace Tradewire.Ingest.Live;

/// <summary>What a live market-data feed reports, in arrival order.</summary>
public abstract record FeedEvent;

/// <summary>Authenticated and subscribed: bars flow from here on.</summary>
public sealed record FeedConnected(DateTimeOffset At) : FeedEvent;

/// <summary>The connection is gone (reason in words); bars published meanwhile must be backfilled.</summary>
public sealed record FeedDisconnected(DateTimeOffset At, string Reason) : FeedEvent;

/// <summary>The source refused us (Alpaca's error code, e.g. 402 auth failed, 406 connection limit exceeded).</summary>
public sealed record FeedFault(DateTimeOffset At, int Code, string Message) : FeedEvent;

/// <summary>
/// One bar as the source sent it. <paramref name="Minute"/> is the UTC start of the bar's minute (Alpaca's "t").
/// <paramref name="Updated"/> is true for an updated bar (stream type "u": recomputed after late trades).
/// Prices as sent (not yet validated): a bad bar is refused by the session runner with a reason code.
/// </summary>
public sealed record FeedBar(string Symbol, DateTimeOffset Minute, decimal Open, decimal High, decimal Low, decimal Close,
    long Volume, long? TradeCount, decimal? Vwap, bool Updated, DateTimeOffset ReceivedAt) : FeedEvent;

/// <summary>The source refused a request or stayed unreachable after retries (message says which and why; never a key).</summary>
public sealed class MarketDataException(string message, Exception? inner = null) : Exception(message, inner);
