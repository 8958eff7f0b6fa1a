namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>Section <c>Broker:Alpaca</c>. The key pair comes from the environment only (the secrets guard refuses it in files).</summary>
public sealed class AlpacaOptions
{
    /// <summary>https://paper-api.alpaca.markets for Alpaca's paper account, https://api.alpaca.markets for real money.</summary>
    public string? BaseUrl { get; set; }

    public string? KeyId { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>One HTTP attempt's limit. A submit that times out is retried with the same client order id, which the venue refuses to duplicate.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The account's quota until the venue's headers tell it (Alpaca: 200 requests every minute per API key).</summary>
    public int RequestsPerMinute { get; set; } = 200;

    /// <summary>The longest a call waits for the quota to come back after a 429 before it gives up (no answer).</summary>
    public TimeSpan RateLimitWait { get; set; } = TimeSpan.FromSeconds(65);

    /// <summary>Attempts per call on a 5xx, a 429, a timeout or a broken connection; after the last the outcome is unknown (queried next minute).</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Pause before the n-th retry: n times this.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a flatten waits for the venue to fill its market exits (the operator's hard limit for the kill switch is 2 s).</summary>
    public TimeSpan FlattenWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a cancel is waited for: Alpaca answers 204 at once and carries it out a moment later (pending_cancel),
    /// holding the order's shares until then, so a market exit sent before the cancel completed would be refused.
    /// </summary>
    public TimeSpan CancelWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause between two reads of orders whose cancel or replace is pending.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The trading stream (trade_updates); unset, it is the base URL's host with <c>wss</c> (<c>ws</c> for <c>http</c>)
    /// and path <c>/stream</c>: wss://paper-api.alpaca.markets/stream for the paper account.
    /// </summary>
    public string? StreamUrl { get; set; }

    /// <summary>First pause before connecting to the trading stream again; it doubles (with jitter) up to <see cref="StreamReconnectMaxDelay"/>.</summary>
    public TimeSpan StreamReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan StreamReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The trading stream's address, or null when neither it nor a valid base URL is configured.</summary>
    public Uri? TradeStreamUri()
    {
        if (Uri.TryCreate(StreamUrl, UriKind.Absolute, out var stream))
            return stream;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var rest) || rest.Scheme is not ("http" or "https"))
            return null;
        return new UriBuilder(rest) { Scheme = rest.Scheme == "https" ? "wss" : "ws", Path = "/stream", Query = "" }.Uri;
    }

    /// <summary>Every order is a day order: nothing the gateway places may outlive the session.</summary>
    public string TimeInForce { get; set; } = "day";
}
