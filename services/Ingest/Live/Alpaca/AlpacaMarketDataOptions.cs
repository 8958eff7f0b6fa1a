namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// Where and how to reach Alpaca's Market Data API v2, bound from <c>MarketData:Alpaca:*</c>. The keys come from the
/// environment only (<c>MarketData__Alpaca__KeyId</c>/<c>SecretKey</c>, else <c>APCA_API_KEY_ID</c>/<c>APCA_API_SECRET_KEY</c>)
/// and are never logged.
/// </summary>
public sealed class AlpacaMarketDataOptions
{
    public const string Section = "MarketData:Alpaca";

    /// <summary>The stream's URL; its last path segment is the feed. Null = built from <see cref="DataFeed"/>.</summary>
    public string? StreamUrl { get; set; }

    /// <summary><c>iex</c> (the free plan's feed) or <c>sip</c>; used when <see cref="StreamUrl"/> is not set.</summary>
    public string DataFeed { get; set; } = "iex";

    /// <summary>The REST host of historical bars.</summary>
    public string RestUrl { get; set; } = "https://data.alpaca.markets";

    public string? KeyId { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>First wait before reconnecting after a refused or failed attempt; doubles each time, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting, the welcome, auth and the subscription confirmation may take together.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of one REST page after a 429, a 5xx or a network failure.</summary>
    public int RestRetries { get; set; } = 5;

    /// <summary>First wait before a REST retry (doubles, with jitter) when the answer names no reset time.</summary>
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bars asked per REST page: the documented maximum, so a session's backfill takes few requests.</summary>
    public int PageLimit { get; set; } = 10_000;

    /// <summary>The stream URL in effect.</summary>
    public Uri EffectiveStreamUrl => new(StreamUrl is { Length: > 0 } url ? url : $"wss://stream.data.alpaca.markets/v2/{DataFeed}");

    /// <summary>The feed in effect: the stream URL's last segment, so REST backfills from the feed the stream plays.</summary>
    public string Feed => EffectiveStreamUrl.Segments[^1].Trim('/');

    /// <summary>The first configuration problem, or null.</summary>
    public string? Problem() => this switch
    {
        { KeyId: null or "" } or { SecretKey: null or "" } =>
            "MarketData:Alpaca needs keys: set MarketData__Alpaca__KeyId/SecretKey or APCA_API_KEY_ID/APCA_API_SECRET_KEY",
        _ when !Uri.TryCreate(RestUrl, UriKind.Absolute, out _) => "MarketData:Alpaca:RestUrl is not an absolute URL",
        _ when StreamUrl is { Length: > 0 } s && !(Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "ws" or "wss") =>
            "MarketData:Alpaca:StreamUrl must be a ws:// or wss:// URL",
        _ when Feed is not ("iex" or "sip") => "the feed (MarketData:Alpaca:DataFeed or the StreamUrl's last segment) must be iex or sip",
        { PageLimit: < 1 or > 10_000 } => "MarketData:Alpaca:PageLimit must be in 1-10000",
        { RestRetries: < 0 } => "MarketData:Alpaca:RestRetries must be >= 0",
        _ => null,
    };
}
